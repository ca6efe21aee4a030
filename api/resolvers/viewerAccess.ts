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

/** Staff and integrators see the office's side of a customer's record: drafts, internal documents. */
export function viewerSeesOfficeSide(viewer: Viewer): boolean {
  return viewer.kind === 'token' || viewerIsStaff(viewer);
}

/** A document for whoever may read its customer; for the customer, only the documents meant for them. */
export function viewerCanReadDocument(viewer: Viewer, document: { customerId: string | null; visibleToCustomer: boolean }): boolean {
  return viewerCanReadCustomer(viewer, document.customerId) && (document.visibleToCustomer || viewerSeesOfficeSide(viewer));
}
