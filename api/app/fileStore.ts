// Files (e-mail attachments, raw messages, and later photos and PDFs) kept on local disk
// under the data directory; the database holds their StoredFile rows. Several API
// instances must share this directory (a mounted volume) to serve each other's files.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface StoredBlob {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
}

export interface FileStore {
  put(content: Buffer): Promise<StoredBlob>;
  read(storageKey: string): Promise<Buffer>;
}

const storageKeyPattern = /^\d{4}-\d{2}\/[0-9a-f-]{36}$/;

export function createFileStore(rootDir: string): FileStore {
  const fileOf = (storageKey: string) => {
    // Keys come from our own rows, but a path must never leave the store whatever it holds.
    if (!storageKeyPattern.test(storageKey)) throw new Error(`Not a storage key: ${storageKey}`);
    return path.join(rootDir, storageKey);
  };
  return {
    async put(content) {
      const storageKey = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
      const file = fileOf(storageKey);
      await mkdir(path.dirname(file), { recursive: true });
      // Written before its row is committed: a failed transaction leaves an unreferenced file, never a row without one.
      await writeFile(file, content, { flag: 'wx' });
      return { storageKey, sha256: createHash('sha256').update(content).digest('hex'), sizeBytes: content.length };
    },
    read: (storageKey) => readFile(fileOf(storageKey)),
  };
}
