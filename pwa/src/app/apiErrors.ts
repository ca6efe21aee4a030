// Turning API failures into plain French (or English) for the user.
import type { CombinedError } from '@urql/core';
import type { SlotTimesFragment } from '../gql/graphql';
import { bilingual, t } from '../i18n';

/** The `Error` interface every typed result error implements. */
export interface TypedApiError {
  __typename: string;
  code: string;
  messageFr: string;
  messageEn: string;
  issues?: { path: string; messageFr: string; messageEn: string }[];
  /** SlotTakenError: free slots close to the one that was asked for. */
  alternatives?: SlotTimesFragment[];
}

export function isTypedApiError(value: { __typename: string }): value is TypedApiError {
  return 'code' in value && 'messageFr' in value && 'messageEn' in value;
}

/** Why a request failed when the API could not answer with a typed result. */
export function requestFailureMessage(error: CombinedError): string {
  if (error.networkError || !navigator.onLine) return t('errors.network');
  if (error.graphQLErrors.some((graphQLError) => graphQLError.extensions['code'] === 'FORBIDDEN')) return t('errors.forbidden');
  return t('errors.unexpected');
}

/** Validation messages by input field name ("input.email" → "email"). */
export function fieldIssues(error: TypedApiError | undefined): Record<string, string> {
  const issues: Record<string, string> = {};
  for (const issue of error?.issues ?? []) {
    const field = issue.path.split('.').pop() ?? issue.path;
    issues[field] ??= bilingual(issue);
  }
  return issues;
}
