import type { Viewer } from '../auth/viewer.ts';

export function viewerIsStaff(viewer: Viewer): boolean {
  return viewer.kind === 'user' && viewer.role !== 'CLIENT';
}

/** Staff, integrators allowed to read customers, and the customer's own accounts. */
export function viewerCanReadCustomer(viewer: Viewer, customerId: string | null | undefined): boolean {
  if (viewer.kind === 'token') return viewer.scopes.includes('customers:read');
  if (viewer.kind !== 'user') return false;
  if (viewer.role !== 'CLIENT') return true;
  return customerId != null && viewer.customerId === customerId;
}
