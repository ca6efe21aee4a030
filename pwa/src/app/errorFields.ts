import { graphql } from '../gql';

/** A bookable time: the booked period and, for field services, the arrival window promised to the customer. */
export const SlotTimesFragment = graphql(`
  fragment SlotTimes on Slot {
    startsAt
    endsAt
    arrivalWindowStart
    arrivalWindowEnd
  }
`);

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
    ... on SlotTakenError {
      alternatives {
        ...SlotTimes
      }
    }
  }
`);
