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
}

/** The screens of the office roles, linked from the header (customers and technicians use their home's buttons). */
export const areaLinksByRole: Partial<Record<Role, AreaLink[]>> = {
  ASSISTANT: [
    { href: '/assistant', label: 'nav.customers' },
    { href: '/assistant/planning', label: 'nav.planning' },
  ],
  MANAGER: [
    { href: '/manager', label: 'nav.dashboard' },
    { href: '/manager/planning', label: 'nav.planning' },
  ],
};
