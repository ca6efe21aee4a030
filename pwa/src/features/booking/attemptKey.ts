/**
 * The idempotency key of one confirmation attempt. It is created at the first tap and
 * reused by every retry of that attempt (a double tap, a retry after a network failure,
 * even with another slot picked meanwhile: the server then answers with what the first
 * try really did). Only a definite answer from the API starts a new attempt.
 */
export function createAttemptKey() {
  let key: string | undefined;
  return {
    current(): string {
      key ??= crypto.randomUUID();
      return key;
    },
    /** The API answered (success or typed error): the next confirmation is a new attempt. */
    settle(): void {
      key = undefined;
    },
  };
}
