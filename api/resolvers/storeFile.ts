import type { FileStore } from '../app/fileStore.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface FileToStore {
  fileName: string;
  mimeType: string;
  content: Buffer;
  uploadedById?: string | null;
}

/** Writes the content to the file store and records it; returns the StoredFile id. */
export async function storeFile(db: PrismaClient | Prisma.TransactionClient, files: FileStore, file: FileToStore): Promise<string> {
  const blob = await files.put(file.content);
  const row = await db.storedFile.create({
    data: {
      storageKey: blob.storageKey,
      sha256: blob.sha256,
      sizeBytes: blob.sizeBytes,
      // Names come from senders and devices: keep them printable and of a sane length.
      fileName: file.fileName.replace(/[\p{Cc}/\\]/gu, '_').slice(0, 200) || 'fichier',
      mimeType: file.mimeType.slice(0, 100),
      uploadedById: file.uploadedById ?? null,
    },
    select: { id: true },
  });
  return row.id;
}
