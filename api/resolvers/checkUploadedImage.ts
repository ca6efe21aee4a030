// Uploaded images are judged by their bytes, never by their name or declared type: a
// renamed HTML page must not be stored as a "photo" and served back to someone later.
import sharp from 'sharp';
import { ValidationError } from './errors.ts';
import { FileTooLargeError, UnsupportedFileTypeError } from './fieldWorkErrors.ts';

export type ImageType = 'jpeg' | 'png' | 'webp';

const mimeTypes: Record<ImageType, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

/** The image format announced by the first bytes (magic numbers), or null. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // "RIFF" <size> "WEBP"
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

/** What an upload looks like: the server's fetch implementation has File classes of its own, so no instanceof. */
interface UploadedFile {
  size: number;
  name?: unknown;
  arrayBuffer(): Promise<ArrayBuffer>;
}

function isUploadedFile(value: unknown): value is UploadedFile {
  const candidate = value as Partial<UploadedFile> | null;
  return (
    typeof candidate === 'object' && candidate !== null && typeof candidate.size === 'number' && typeof candidate.arrayBuffer === 'function'
  );
}

export interface CheckedImage {
  content: Buffer;
  type: ImageType;
  mimeType: string;
  /** The sender's name with the extension of what the file really is. */
  fileName: string;
}

/**
 * Reads an uploaded file and accepts it only if it is one of `accept`, by its magic
 * number and by a decoder reading its header, and at most `maxBytes` long. The size is
 * checked before the bytes are read. Throws FileTooLargeError, UnsupportedFileTypeError,
 * or ValidationError when `upload` is not a file at all.
 */
export async function checkUploadedImage(
  upload: unknown,
  options: { accept: readonly ImageType[]; maxBytes: number; path: string; defaultName: string },
): Promise<CheckedImage> {
  if (!isUploadedFile(upload)) {
    throw new ValidationError([{ path: options.path, messageFr: 'Un fichier est attendu.', messageEn: 'A file is expected.' }]);
  }
  if (upload.size > options.maxBytes) throw new FileTooLargeError(options.maxBytes);
  const content = Buffer.from(await upload.arrayBuffer());
  const type = detectImageType(content);
  if (!type || !options.accept.includes(type)) throw new UnsupportedFileTypeError(options.accept);
  // A valid magic number glued to anything else is not an image either.
  const format = await sharp(content)
    .metadata()
    .then((metadata) => metadata.format as string)
    .catch(() => null);
  if (format !== type) throw new UnsupportedFileTypeError(options.accept);
  const sentName = typeof upload.name === 'string' ? upload.name : '';
  const baseName = sentName.replace(/\.[^.]*$/, '') || options.defaultName;
  return { content, type, mimeType: mimeTypes[type], fileName: `${baseName}.${type === 'jpeg' ? 'jpg' : type}` };
}
