import { homePathByRole } from '../../app/roles';
import { signedInUser } from '../../app/session';

/**
 * The office screens (inbox, tickets, customers, calls) exist in the assistant's and the
 * manager's areas alike: a link stays in the area of whoever follows it.
 */
export function officePath(path: `/${string}`): string {
  return `${signedInUser()?.role === 'MANAGER' ? homePathByRole.MANAGER : homePathByRole.ASSISTANT}${path}`;
}

export const ticketPath = (ticketId: string) => officePath(`/tickets/${ticketId}`);
export const customerPath = (customerId: string) => officePath(`/customers/${customerId}`);

// The ticket page's way back keeps the tab, search and filters the inbox was left with.
let lastInboxSearch = '';
export function rememberInboxAddress(search: string): void {
  lastInboxSearch = search;
}
export const inboxPath = () => officePath(`/inbox${lastInboxSearch}`);
