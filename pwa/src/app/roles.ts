import { lazy, type Component } from 'solid-js';
import type { Role } from '../gql/graphql';
import type { MessageKey } from '../i18n';

/** Each role's home screen. */
export const homePathByRole: Record<Role, string> = {
  CLIENT: '/client',
  ASSISTANT: '/assistant',
  TECHNICIAN: '/technician',
  MANAGER: '/manager',
};

export interface AreaLink {
  href: string;
  label: MessageKey;
  /** Live counters shown beside the label. */
  counter?: Component;
}

// Office-only code stays out of the customers' and technicians' bundle until an office screen opens.
const InboxNavCounter = lazy(() => import('../features/inbox/InboxNavCounter'));
const IncomingCalls = lazy(() => import('../features/calls/IncomingCalls'));

/** The screens of the office roles, linked from the header (customers and technicians use their home's buttons). */
export const areaLinksByRole: Partial<Record<Role, AreaLink[]>> = {
  ASSISTANT: [
    { href: '/assistant', label: 'nav.customers' },
    { href: '/assistant/inbox', label: 'nav.inbox', counter: InboxNavCounter },
    { href: '/assistant/calls', label: 'nav.calls' },
    { href: '/assistant/planning', label: 'nav.planning' },
  ],
  MANAGER: [
    { href: '/manager', label: 'nav.dashboard' },
    { href: '/manager/inbox', label: 'nav.inbox', counter: InboxNavCounter },
    { href: '/manager/calls', label: 'nav.calls' },
    { href: '/manager/planning', label: 'nav.planning' },
  ],
};

/** What stays over every screen of a role's area: the office sees incoming calls wherever it is. */
export const areaOverlayByRole: Partial<Record<Role, Component>> = {
  ASSISTANT: IncomingCalls,
  MANAGER: IncomingCalls,
};
