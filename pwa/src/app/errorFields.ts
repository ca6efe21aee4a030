import { graphql } from '../gql';

/** What every form needs from a typed error result; spread as `...ErrorFields` in mutations. */
export const ErrorFieldsFragment = graphql(`
  fragment ErrorFields on Error {
    code
    messageFr
    messageEn
    ... on ValidationError {
      issues {
        path
        messageFr
        messageEn
      }
    }
  }
`);
