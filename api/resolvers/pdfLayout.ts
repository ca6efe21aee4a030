// The building blocks of the PDFs customers receive (intervention reports, quotes): an A4
// page with the company's identity, sections, tables, embedded images, French formatting.
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { formatPhoneForDisplay } from './formatPhone.ts';
import type { CompanyProfile } from './readCompanyProfile.ts';
import { siteAddress } from './appointmentDetails.ts';

export type Pdf = PDFKit.PDFDocument;

const margin = 50;
const a4 = { width: 595.28, height: 841.89 };
export const contentWidth = a4.width - 2 * margin;

/** Draws a document and returns its bytes. */
export async function renderPdf(meta: { title: string; author: string; createdAt: Date }, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    info: { Title: meta.title, Author: meta.author, Creator: 'Relais', CreationDate: meta.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

/**
 * The PDF standard fonts only encode Windows-1252: French number formatting's narrow and
 * thin spaces would print as nothing, so they become no-break spaces.
 */
export function pdfText(text: string): string {
  return text.replace(/[\u202f\u2009\u2007]/g, '\u00a0');
}

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const parisDate = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });
const parisTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/** 123456 → "1 234,56 €" */
export const formatEuros = (cents: number) => pdfText(euros.format(cents / 100));
/** 550 → "5,5 %" */
export const formatVatRate = (basisPoints: number) => pdfText(`${(basisPoints / 100).toLocaleString('fr-FR')} %`);
/** 1500 → "1,5" */
export const formatQuantity = (thousandths: number) => pdfText((thousandths / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 3 }));
/** "12/03/2026" in Paris */
export const formatParisDate = (instant: Date) => parisDate.format(instant);
/** "12/03/2026 à 08:05" in Paris */
export const formatParisDateTime = (instant: Date) => `${parisDate.format(instant)} à ${parisTime.format(instant)}`;

/** The company's identity as the law wants it on quotes: name, legal form, address, SIRET, VAT number, contact. */
export function drawCompanyHeader(doc: Pdf, company: CompanyProfile | null, title: string, subtitle: string[]): void {
  const top = doc.y;
  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(pdfText(company?.name ?? ''), margin, top, { width: contentWidth / 2 });
  const identity = [
    company?.legalForm,
    company?.address && siteAddress(company.address),
    company?.siret && `SIRET : ${company.siret}`,
    company?.vatNumber && `N° TVA intracommunautaire : ${company.vatNumber}`,
    company?.phone && `Tél. : ${formatPhoneForDisplay(company.phone)}`,
    company?.email,
  ].filter((line): line is string => Boolean(line));
  doc
    .font('Helvetica')
    .fontSize(8.5)
    .text(pdfText(identity.join('\n')), { width: contentWidth / 2 });
  const identityBottom = doc.y;
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(pdfText(title), margin + contentWidth / 2, top, { width: contentWidth / 2, align: 'right' });
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(pdfText(subtitle.join('\n')), { width: contentWidth / 2, align: 'right' });
  doc.x = margin;
  doc.y = Math.max(identityBottom, doc.y) + 10;
  rule(doc);
}

function rule(doc: Pdf): void {
  doc
    .moveTo(margin, doc.y)
    .lineTo(margin + contentWidth, doc.y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  doc.moveDown(0.4);
}

/** Starts a new page when fewer than `height` points are left on this one. */
function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** A section title, kept on the same page as the first `keepWith` points of what follows. */
export function drawSection(doc: Pdf, title: string, keepWith = 40): void {
  ensureSpace(doc, keepWith + 40);
  doc.moveDown(0.6);
  doc.x = margin;
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#1d4ed8').text(pdfText(title), { width: contentWidth });
  doc.fillColor('black');
  rule(doc);
}

/** "Label : value" on one line (wrapping as needed). */
export function drawField(doc: Pdf, label: string, value: string): void {
  doc.x = margin;
  doc
    .font('Helvetica-Bold')
    .fontSize(9.5)
    .text(pdfText(`${label} : `), { continued: true, width: contentWidth })
    .font('Helvetica')
    .text(pdfText(value));
}

export function drawParagraph(doc: Pdf, text: string, options: { size?: number; font?: string } = {}): void {
  doc.x = margin;
  doc
    .font(options.font ?? 'Helvetica')
    .fontSize(options.size ?? 9.5)
    .text(pdfText(text), { width: contentWidth });
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A table whose rows grow with their text; the header is repeated on each new page. */
export function drawTable(doc: Pdf, columns: Column[], rows: string[][]): void {
  const padding = 3;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const heightOf = (cells: string[]) =>
    Math.max(...cells.map((cell, index) => doc.heightOfString(pdfText(cell), { width: columns[index]!.width - 2 * padding }))) +
    2 * padding;
  const drawRow = (cells: string[], y: number, header: boolean) => {
    const height = heightOf(cells);
    if (header) doc.rect(margin, y, contentWidth, height).fill('#eeeeee').fillColor('black');
    let x = margin;
    cells.forEach((cell, index) => {
      const column = columns[index]!;
      doc.text(pdfText(cell), x + padding, y + padding, { width: column.width - 2 * padding, align: column.align ?? 'left' });
      x += column.width;
    });
    doc
      .moveTo(margin, y + height)
      .lineTo(margin + contentWidth, y + height)
      .lineWidth(0.3)
      .strokeColor('#bbbbbb')
      .stroke();
    return y + height;
  };
  const drawHeader = (y: number) => {
    doc.font('Helvetica-Bold').fontSize(8.5);
    const next = drawRow(
      columns.map((column) => column.header),
      y,
      true,
    );
    doc.font('Helvetica').fontSize(8.5);
    return next;
  };
  ensureSpace(doc, 40);
  let y = drawHeader(doc.y);
  for (const row of rows) {
    if (y + heightOf(row) > bottom()) {
      doc.addPage();
      y = drawHeader(doc.y);
    }
    y = drawRow(row, y, false);
  }
  doc.x = margin;
  doc.y = y + 4;
}

/**
 * An image as the PDF embeds it: photos downscaled to JPEG (a phone's 12-megapixel
 * pictures would make a report too heavy to e-mail, and WebP cannot be embedded),
 * signatures re-encoded as plain PNG (keeping transparency). Null when undecodable.
 */
export function imageForPdf(content: Buffer, kind: 'photo' | 'signature'): Promise<Buffer | null> {
  const image = sharp(content);
  const converted =
    kind === 'photo'
      ? image.rotate().resize({ width: 1200, height: 1200, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 })
      : image.resize({ width: 800, height: 400, fit: 'inside', withoutEnlargement: true }).png();
  return converted.toBuffer().catch(() => null);
}

/** Images side by side, `perRow` to a row, each with its caption underneath. */
export function drawImageGrid(doc: Pdf, images: { content: Buffer | null; caption: string }[], perRow: number, boxHeight: number): void {
  const gap = 10;
  const boxWidth = (contentWidth - gap * (perRow - 1)) / perRow;
  for (let start = 0; start < images.length; start += perRow) {
    ensureSpace(doc, boxHeight + 30);
    const top = doc.y;
    let rowBottom = top;
    images.slice(start, start + perRow).forEach((image, index) => {
      const x = margin + index * (boxWidth + gap);
      if (image.content) {
        doc.image(image.content, x, top, { fit: [boxWidth, boxHeight], align: 'center', valign: 'center' });
      } else {
        doc.rect(x, top, boxWidth, boxHeight).lineWidth(0.5).strokeColor('#999999').stroke();
        doc
          .font('Helvetica')
          .fontSize(8)
          .text('Image illisible', x, top + boxHeight / 2, { width: boxWidth, align: 'center' });
      }
      doc
        .font('Helvetica')
        .fontSize(7.5)
        .text(pdfText(image.caption), x, top + boxHeight + 3, { width: boxWidth, align: 'center' });
      rowBottom = Math.max(rowBottom, doc.y);
    });
    doc.x = margin;
    doc.y = rowBottom + 8;
  }
}

export interface SignatureEvidence {
  signerName: string;
  signedAt: Date;
  /** SHA-256 of the canonical content the customer was shown. */
  contentHash: string;
  contentVersion: number;
  signatureSha256: string | null;
  ip: string | null;
  userAgent: string | null;
  /** The signature drawn on the phone, ready to embed (see imageForPdf). */
  signature: Buffer | null;
}

/** What drawSignatureEvidence takes up, for its section to start on a page with room for it. */
export const signatureEvidenceHeight = 240;

/**
 * The customer's signature and the evidence that makes it a simple electronic signature
 * (Code civil, art. 1367) rather than a picture: who, when, what exactly (the hash of
 * the content shown), and from where.
 */
export function drawSignatureEvidence(doc: Pdf, statement: string, evidence: SignatureEvidence): void {
  drawParagraph(doc, statement, { font: 'Helvetica-Bold' });
  doc.moveDown(0.3);
  drawField(doc, 'Signataire', evidence.signerName);
  drawField(doc, 'Date et heure', `${formatParisDateTime(evidence.signedAt)} (heure de Paris)`);
  doc.moveDown(0.3);
  const top = doc.y;
  if (evidence.signature) doc.image(evidence.signature, margin, top, { fit: [220, 90] });
  doc.rect(margin, top, 220, 90).lineWidth(0.5).strokeColor('#999999').stroke();
  doc.x = margin;
  doc.y = top + 96;
  const lines = [
    'Preuve de signature électronique simple (article 1367 du Code civil), recueillie sur l’appareil du technicien.',
    `Empreinte SHA-256 du contenu présenté et signé (forme canonique v${evidence.contentVersion}) :`,
    evidence.contentHash,
    ...(evidence.signatureSha256 ? ['Empreinte SHA-256 de l’image de signature :', evidence.signatureSha256] : []),
    `Adresse IP : ${evidence.ip ?? 'inconnue'}`,
    `Appareil : ${evidence.userAgent ?? 'inconnu'}`,
  ];
  drawParagraph(doc, lines.join('\n'), { size: 7.5 });
}
