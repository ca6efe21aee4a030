import { createEffect, createSignal, onCleanup } from 'solid-js';
import { createSubscription } from '@urql/solid';
import { graphql } from '../../gql';

/** A customer changed on the server. A new object per event, so the same customer changing twice is seen twice. */
export interface CustomerChange {
  customerId: string;
}

const CustomerChangedSubscription = graphql(`
  subscription CustomerChanged {
    customerChanged {
      id
    }
  }
`);

const changeHighlightMs = 4000;

/**
 * Changes made to customers by another user (or the telephony integration), while the
 * calling screen lives: the latest one, and the customer changed in the last seconds.
 */
export function createCustomerChanges() {
  const [lastChange, setLastChange] = createSignal<CustomerChange>();
  const [recentlyChangedId, setRecentlyChangedId] = createSignal<string>();
  const [changes] = createSubscription({ query: CustomerChangedSubscription });
  let highlightTimer: ReturnType<typeof setTimeout> | undefined;
  createEffect(() => {
    const changed = changes.data?.customerChanged;
    if (!changed) return;
    setLastChange({ customerId: changed.id });
    setRecentlyChangedId(changed.id);
    clearTimeout(highlightTimer);
    highlightTimer = setTimeout(() => setRecentlyChangedId(undefined), changeHighlightMs);
  });
  onCleanup(() => clearTimeout(highlightTimer));
  return { lastChange, recentlyChangedId };
}
