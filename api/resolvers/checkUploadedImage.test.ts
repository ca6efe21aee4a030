import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkUploadedImage, detectImageType } from './checkUploadedImage.ts';
import { FileTooLargeError, UnsupportedFileTypeError } from './fieldWorkErrors.ts';

const picture = (format: 'jpeg' | 'png' | 'webp') =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
    .toFormat(format)
    .toBuffer();
const options = { accept: ['jpeg', 'png'] as const, maxBytes: 1000, path: 'file', defaultName: 'photo' };

describe('uploaded images', () => {
  it('tells formats by their magic numbers', async () => {
    expect(detectImageType(await picture('jpeg'))).toBe('jpeg');
    expect(detectImageType(await picture('png'))).toBe('png');
    expect(detectImageType(await picture('webp'))).toBe('webp');
    expect(detectImageType(Buffer.from('<!doctype html>'))).toBeNull();
    expect(detectImageType(Buffer.from('RIFF\0\0\0\0WAVE'))).toBeNull();
    expect(detectImageType(new Uint8Array())).toBeNull();
  });

  it('accepts an image for what it is, whatever its name', async () => {
    const checked = await checkUploadedImage(new File([await picture('png')], 'IMG_0001.jpeg', { type: 'image/jpeg' }), options);
    expect(checked).toMatchObject({ type: 'png', mimeType: 'image/png', fileName: 'IMG_0001.png' });
  });

  it('refuses what is not an accepted image, or too large, or no file at all', async () => {
    await expect(checkUploadedImage(new File([await picture('webp')], 'a.webp'), options)).rejects.toBeInstanceOf(UnsupportedFileTypeError);
    await expect(
      checkUploadedImage(new File([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x3c])], 'a.png'), options),
    ).rejects.toBeInstanceOf(UnsupportedFileTypeError);
    await expect(checkUploadedImage(new File([Buffer.alloc(1001)], 'a.png'), options)).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(checkUploadedImage('a.png', options)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
