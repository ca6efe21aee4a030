import type { Role } from '../gql/graphql';

/** Each role's home screen. */
export const homePathByRole: Record<Role, string> = {
  CLIENT: '/client',
  ASSISTANT: '/assistant',
  TECHNICIAN: '/technician',
  MANAGER: '/manager',
};
