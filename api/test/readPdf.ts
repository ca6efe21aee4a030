// Reads a PDF back the way a viewer does (Mozilla's PDF.js): its text, and how many
// images each page paints.
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

const pdfjsDir = path.resolve(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')), '../..');
const imageOperators = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat]);

export interface ReadPdf {
  pages: number;
  /** All text, whitespace (including no-break spaces) collapsed to single spaces. */
  text: string;
  images: number;
  title: string | undefined;
}

export async function readPdf(content: Buffer | Uint8Array): Promise<ReadPdf> {
  const document = await getDocument({
    data: new Uint8Array(content),
    isEvalSupported: false,
    standardFontDataUrl: `${path.join(pdfjsDir, 'standard_fonts')}/`,
  }).promise;
  const texts: string[] = [];
  let images = 0;
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    images += (await page.getOperatorList()).fnArray.filter((operator) => imageOperators.has(operator)).length;
  }
  const { info } = (await document.getMetadata()) as { info: { Title?: string } };
  await document.destroy();
  return { pages: document.numPages, text: texts.join(' ').replace(/\s+/g, ' '), images, title: info.Title };
}
