// What the technician does on site, each step saved on the device together with the
// outbox entry that will tell the server, in one transaction.
import {
  newClientId,
  newIntervention,
  workTables,
  type DrawnSignature,
  type LocalIntervention,
  type LocalQuote,
  type OfflineDatabase,
  type OutboxOperation,
  type PhotoKind,
  type QuoteLine,
  type ReportContent,
  type Stamp,
} from './db';
import { queueOperation } from './outbox';
import { preparePhoto } from './photos';
import { stampNow } from './position';
import { blobSha256, quoteContentHash, reportContentHash } from './contentHash';

async function changeIntervention(
  db: OfflineDatabase,
  appointmentId: string,
  change: (intervention: LocalIntervention) => OutboxOperation | undefined,
): Promise<void> {
  await db.transaction('rw', workTables(db), async () => {
    const intervention = (await db.interventions.get(appointmentId)) ?? newIntervention(appointmentId);
    const operation = change(intervention);
    if (!operation) return;
    await db.interventions.put(intervention);
    await queueOperation(db, appointmentId, operation);
  });
}

/** Now, with the position when allowed (see stampNow), for a job on the device; and the schedule's version seen. */
async function stampFor(db: OfflineDatabase, appointmentId: string): Promise<{ stamp: Stamp; baseVersion: number | null }> {
  const appointment = await db.appointments.get(appointmentId);
  return { stamp: await stampNow(db, appointment?.startsAt ?? new Date(0).toISOString()), baseVersion: appointment?.version ?? null };
}

export async function markEnRoute(db: OfflineDatabase, appointmentId: string): Promise<void> {
  const baseVersion = (await db.appointments.get(appointmentId))?.version ?? null;
  const at = new Date().toISOString();
  await changeIntervention(db, appointmentId, (intervention) => {
    if (intervention.enRouteAt) return undefined;
    intervention.enRouteAt = at;
    return { kind: 'markEnRoute', at, baseVersion };
  });
}

export async function clockIn(db: OfflineDatabase, appointmentId: string): Promise<void> {
  const { stamp, baseVersion } = await stampFor(db, appointmentId);
  await changeIntervention(db, appointmentId, (intervention) => {
    if (intervention.clockIn) return undefined;
    intervention.clockIn = stamp;
    return { kind: 'clockIn', stamp, baseVersion };
  });
}

/** Minutes between clock-in and clock-out, the default of the report's "time spent". */
export function minutesOnSite(clockInAt: Stamp, clockOutAt: Stamp): number {
  return Math.max(1, Math.round((Date.parse(clockOutAt.at) - Date.parse(clockInAt.at)) / 60_000));
}

export async function clockOut(db: OfflineDatabase, appointmentId: string): Promise<void> {
  const { stamp, baseVersion } = await stampFor(db, appointmentId);
  await changeIntervention(db, appointmentId, (intervention) => {
    if (!intervention.clockIn || intervention.clockOut) return undefined;
    intervention.clockOut = stamp;
    return { kind: 'clockOut', stamp, baseVersion };
  });
}

/** Saves the whole report at each change; refused once the customer has signed it. */
export async function saveReport(db: OfflineDatabase, appointmentId: string, report: ReportContent): Promise<void> {
  await changeIntervention(db, appointmentId, (intervention) => {
    if (intervention.signature) return undefined;
    intervention.report = report;
    return { kind: 'saveReport', report };
  });
}

export async function signReport(db: OfflineDatabase, appointmentId: string, signerName: string, image: Blob): Promise<void> {
  const intervention = await db.interventions.get(appointmentId);
  if (!intervention || intervention.signature) return;
  const photos = await db.photos.where('appointmentId').equals(appointmentId).toArray();
  const contentHash = await reportContentHash(appointmentId, intervention.report, photos);
  const signature: DrawnSignature = { signerName, signedAt: new Date().toISOString(), contentHash, image };
  await changeIntervention(db, appointmentId, (current) => {
    if (current.signature) return undefined;
    current.signature = signature;
    return { kind: 'signReport' };
  });
}

/** Returns false when the file is not a photo the device can read (it is then kept as it came). */
export async function addPhoto(db: OfflineDatabase, appointmentId: string, kind: PhotoKind, file: Blob): Promise<boolean> {
  const [{ image, decoded }, { stamp }] = await Promise.all([preparePhoto(file), stampFor(db, appointmentId)]);
  const sha256 = await blobSha256(image);
  const id = newClientId();
  await db.transaction('rw', workTables(db), async () => {
    await db.photos.add({
      id,
      appointmentId,
      kind,
      takenAt: stamp.at,
      latitude: stamp.latitude,
      longitude: stamp.longitude,
      image,
      sha256,
      serverId: null,
    });
    await queueOperation(db, appointmentId, { kind: 'uploadPhoto', photoId: id });
  });
  return decoded;
}

export async function startQuote(db: OfflineDatabase, appointmentId: string, title: string): Promise<string> {
  const id = newClientId();
  await db.quotes.add({
    id,
    appointmentId,
    title,
    lines: [],
    travelCostCents: 0,
    createdAt: new Date().toISOString(),
    savedAt: null,
    acceptance: null,
    serverId: null,
    number: null,
  });
  return id;
}

export type QuoteDraftContent = Pick<LocalQuote, 'title' | 'lines' | 'travelCostCents'>;

/** A draft stays on the device (no outbox entry) until it is saved or signed. */
export async function editQuoteDraft(db: OfflineDatabase, quoteId: string, change: QuoteDraftContent): Promise<void> {
  await db.quotes
    .where('id')
    .equals(quoteId)
    .and((quote) => quote.savedAt === null)
    .modify(change);
}

export async function deleteQuoteDraft(db: OfflineDatabase, quoteId: string): Promise<void> {
  await db.quotes
    .where('id')
    .equals(quoteId)
    .and((quote) => quote.savedAt === null)
    .delete();
}

/**
 * Sends the quote to the office and, with a signature, its acceptance "Bon pour travaux"
 * too: both entries in one transaction, creation first.
 */
export async function saveQuote(
  db: OfflineDatabase,
  quoteId: string,
  place: { customerId: string; siteId: string },
  acceptance?: { signerName: string; image: Blob },
): Promise<void> {
  const quote = await db.quotes.get(quoteId);
  if (!quote || quote.savedAt) return;
  const signedAt = new Date().toISOString();
  const signature = acceptance && { ...acceptance, signedAt, contentHash: await quoteContentHash(place, quote) };
  await db.transaction('rw', workTables(db), async () => {
    const current = await db.quotes.get(quoteId);
    if (!current || current.savedAt) return;
    await db.quotes.update(quoteId, { savedAt: signedAt, acceptance: signature ?? null });
    await queueOperation(db, current.appointmentId, { kind: 'createQuote', quoteId });
    if (signature) await queueOperation(db, current.appointmentId, { kind: 'acceptQuote', quoteId });
  });
}

export const newQuoteLine = (line: Omit<QuoteLine, 'id'>): QuoteLine => ({ ...line, id: newClientId() });
