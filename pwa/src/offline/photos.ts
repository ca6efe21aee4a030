// Photos are shrunk on the phone before they are stored: a camera's 12 MP original would
// fill the device database and take minutes to send from a basement's weak signal.

const longestSidePx = 1600;
const jpegQuality = 0.8;

function canvasToJpeg(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/jpeg', jpegQuality),
  );
}

/**
 * The photo as a JPEG of at most 1600 px on its longest side, turned upright. A file
 * the device cannot decode is kept as it came: the server is the judge of what it
 * accepts, and its refusal shows in the outbox rather than the photo vanishing here.
 */
export async function preparePhoto(file: Blob): Promise<{ image: Blob; decoded: boolean }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { image: file, decoded: false };
  }
  try {
    const scale = Math.min(1, longestSidePx / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return { image: await canvasToJpeg(canvas), decoded: true };
  } finally {
    bitmap.close();
  }
}
