import { createSignal } from 'solid-js';
import type { AnyVariables, CombinedError, OperationResult } from '@urql/core';
import { bilingual } from '../i18n';
import { fieldIssues, isTypedApiError, requestFailureMessage, type TypedApiError } from './apiErrors';

type Failure = { kind: 'typed'; error: TypedApiError } | { kind: 'request'; error: CombinedError };

/**
 * State of a form that sends one mutation returning a typed result union
 * (success | ValidationError | …): pending flag, the message for role="alert",
 * and validation messages per field.
 */
export function createSubmission() {
  const [pending, setPending] = createSignal(false);
  const [failure, setFailure] = createSignal<Failure>();

  const message = (): string | undefined => {
    const current = failure();
    if (!current) return undefined;
    return current.kind === 'typed' ? bilingual(current.error) : requestFailureMessage(current.error);
  };

  const fieldError = (field: string): string | undefined => {
    const current = failure();
    return current?.kind === 'typed' ? fieldIssues(current.error)[field] : undefined;
  };

  /** The typed error the API answered with (its `code`, alternatives…), to offer the right next step. */
  const typedError = (): TypedApiError | undefined => {
    const current = failure();
    return current?.kind === 'typed' ? current.error : undefined;
  };

  /** The `code` of a typed error ("INVALID_TOKEN"…). */
  const failureCode = (): string | undefined => typedError()?.code;

  /** Forgets the last failure (the person chose another way forward). */
  const clear = () => setFailure(undefined);

  /**
   * Sends the request and returns the success member of the result union, or
   * undefined after recording why it failed.
   */
  async function submit<Data, Variables extends AnyVariables, Result extends { __typename: string }>(
    send: () => Promise<OperationResult<Data, Variables>>,
    pickResult: (data: Data) => Result,
  ): Promise<Exclude<Result, TypedApiError> | undefined> {
    setPending(true);
    setFailure(undefined);
    try {
      const response = await send();
      if (!response.data) {
        if (response.error) setFailure({ kind: 'request', error: response.error });
        return undefined;
      }
      const result = pickResult(response.data);
      if (isTypedApiError(result)) {
        setFailure({ kind: 'typed', error: result });
        return undefined;
      }
      return result as Exclude<Result, TypedApiError>;
    } finally {
      setPending(false);
    }
  }

  return { pending, message, fieldError, failureCode, typedError, clear, submit };
}
