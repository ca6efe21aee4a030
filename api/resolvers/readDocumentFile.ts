import type { FileStore } from '../app/fileStore.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { viewerCanReadDocument } from './viewerAccess.ts';

export interface DocumentFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

/**
 * A document's file for whoever may read the document (the rule of the Document type:
 * staff and integrators, and the customer for the documents meant for them); null for
 * anyone else, so that an id reveals nothing.
 */
export async function readDocumentFile(
  deps: { prisma: PrismaClient; files: FileStore },
  viewer: Viewer,
  documentId: string,
): Promise<DocumentFile | null> {
  const document = await deps.prisma.document.findUnique({
    where: { id: documentId },
    select: { customerId: true, visibleToCustomer: true, file: { select: { storageKey: true, fileName: true, mimeType: true } } },
  });
  if (!document || !viewerCanReadDocument(viewer, document)) return null;
  const content = await deps.files.read(document.file.storageKey);
  return { fileName: document.file.fileName, mimeType: document.file.mimeType, content };
}
