import { createQuery } from '@urql/solid';
import { graphql } from '../gql';

const CompanyContactQuery = graphql(`
  query CompanyContact {
    company {
      name
      phone
      email
    }
  }
`);

/** The company's public contact details, from the API (cached after the first load). */
export function createCompanyContact() {
  const [result] = createQuery({ query: CompanyContactQuery, requestPolicy: 'cache-first' });
  return () => result.data?.company ?? undefined;
}
