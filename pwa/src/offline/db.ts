// The technician's device database (IndexedDB through Dexie): the coming days' work,
// everything done on site, and the outbox of changes still to send to the server.
import Dexie, { type EntityTable } from 'dexie';
import type { quoteVatRatesBp } from '../../../api/resolvers/quoteContent.ts';
import type { AppointmentStatus } from '../gql/graphql';

/** A text the API gives in both languages (error messages, conflict notices). */
export interface BilingualText {
  messageFr: string;
  messageEn: string;
}

export interface LocalAppointment {
  id: string;
  startsAt: string;
  endsAt: string;
  arrivalWindowStart: string | null;
  arrivalWindowEnd: string | null;
  status: AppointmentStatus;
  notes: string | null;
  serviceId: string;
  siteId: string;
  customerId: string;
  /** Incremented by the office's every change; sent back with visit steps, which it refuses once moved. */
  version: number;
  /** The office took it off the technician's days while work done on it was still on the device. */
  withdrawn?: boolean;
}

export interface LocalCustomer {
  id: string;
  name: string;
  phones: string[];
}

export interface LocalEquipment {
  id: string;
  kind: string;
  brand: string | null;
  model: string | null;
  serial: string | null;
}

export interface LocalSite {
  id: string;
  label: string | null;
  street: string;
  postalCode: string;
  city: string;
  accessNotes: string | null;
  equipment: LocalEquipment[];
}

export interface ChecklistItem {
  key: string;
  label: string;
}

export interface LocalService {
  id: string;
  name: string;
  nameEn: string;
  checklist: ChecklistItem[];
}

export interface LocalCatalogItem {
  id: string;
  code: string;
  label: string;
  unit: string;
  unitPriceCents: number;
  vatRateBp: number;
}

/** A moment of the day on site and, with consent during working hours, where it happened. */
export interface Stamp {
  at: string;
  latitude: number | null;
  longitude: number | null;
}

export interface ChecklistAnswer {
  ok: boolean;
  comment?: string;
}

export interface ReportMaterial {
  id: string;
  catalogItemId: string | null;
  label: string;
  quantity: number;
  unit: string;
  unitPriceCents: number;
}

/** What the technician writes in the intervention report (the part the customer signs). */
export interface ReportContent {
  checklist: Record<string, ChecklistAnswer>;
  workDone: string;
  materials: ReportMaterial[];
  timeSpentMinutes: number | null;
  observations: string;
  reservations: string;
  opportunity: boolean;
  opportunityNote: string;
}

export interface DrawnSignature {
  signerName: string;
  signedAt: string;
  contentHash: string;
  image: Blob;
}

export interface LocalIntervention {
  appointmentId: string;
  enRouteAt: string | null;
  clockIn: Stamp | null;
  clockOut: Stamp | null;
  report: ReportContent;
  /** The report as the server last confirmed it: a server copy that differs was changed by the office. */
  confirmedReport: ReportContent | null;
  signature: DrawnSignature | null;
}

export type PhotoKind = 'BEFORE' | 'AFTER';

export interface LocalPhoto {
  /** Made on the device; also the upload's client mutation id. */
  id: string;
  appointmentId: string;
  kind: PhotoKind;
  takenAt: string;
  latitude: number | null;
  longitude: number | null;
  image: Blob;
  /** Of the exact bytes uploaded: the signed report names its photos by it. */
  sha256: string;
  serverId: string | null;
}

export type VatRateBp = (typeof quoteVatRatesBp)[number];

/** A quote line is priced like a material, with its VAT rate. */
export interface QuoteLine extends ReportMaterial {
  vatRateBp: VatRateBp;
}

export interface LocalQuote {
  /** Made on the device, the quote's client mutation id. */
  id: string;
  appointmentId: string;
  title: string;
  lines: QuoteLine[];
  /** Excluding VAT; taxed at the rate of the works' main part. */
  travelCostCents: number;
  createdAt: string;
  /** When the technician sent it to the office (queued); a draft until then. */
  savedAt: string | null;
  /** "Bon pour travaux": the customer's name, drawn signature and the hash of what they accepted. */
  acceptance: DrawnSignature | null;
  serverId: string | null;
  number: string | null;
}

/**
 * A visit step carries the appointment version the technician saw when taking it: the
 * server refuses it once the office has moved the appointment since, until the
 * technician, having seen the new schedule, sends it again (Réessayer re-bases it).
 */
export type VisitStepOperation =
  | { kind: 'markEnRoute'; at: string; baseVersion: number | null }
  | { kind: 'clockIn'; stamp: Stamp; baseVersion: number | null }
  | { kind: 'clockOut'; stamp: Stamp; baseVersion: number | null };

export type OutboxOperation =
  | VisitStepOperation
  | { kind: 'saveReport'; report: ReportContent }
  | { kind: 'uploadPhoto'; photoId: string }
  | { kind: 'signReport' }
  | { kind: 'createQuote'; quoteId: string }
  | { kind: 'acceptQuote'; quoteId: string };

export type OutboxKind = OutboxOperation['kind'];
export type OutboxState = 'pending' | 'syncing' | 'failed';

export interface OutboxEntry {
  /** Replay order. */
  seq?: number;
  /** The client mutation id: a replay of the same entry takes effect once on the server. */
  id: string;
  appointmentId: string;
  operation: OutboxOperation;
  createdAt: string;
  state: OutboxState;
  attempts: number;
  /** Why the server refused it, in its words. */
  error: BilingualText | null;
}

/**
 * The office and the technician changed the same thing, and the rule that decided:
 * the office wins on the schedule (moved, cancelled, withdrawn), the technician on the
 * report's content (reportKept). Shown until the technician has read it.
 */
export interface Conflict {
  id: string;
  appointmentId: string;
  kind: 'moved' | 'cancelled' | 'withdrawn' | 'reportKept';
  /** The office's new schedule, for "moved". */
  startsAt?: string;
  endsAt?: string;
  detectedAt: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export class OfflineDatabase extends Dexie {
  appointments!: EntityTable<LocalAppointment, 'id'>;
  customers!: EntityTable<LocalCustomer, 'id'>;
  sites!: EntityTable<LocalSite, 'id'>;
  services!: EntityTable<LocalService, 'id'>;
  catalog!: EntityTable<LocalCatalogItem, 'id'>;
  interventions!: EntityTable<LocalIntervention, 'appointmentId'>;
  photos!: EntityTable<LocalPhoto, 'id'>;
  quotes!: EntityTable<LocalQuote, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  conflicts!: EntityTable<Conflict, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      appointments: 'id, startsAt',
      customers: 'id',
      sites: 'id',
      services: 'id',
      catalog: 'id, label',
      interventions: 'appointmentId',
      photos: 'id, appointmentId',
      quotes: 'id, appointmentId',
      outbox: '++seq, &id, [state+seq], appointmentId',
      conflicts: 'id, appointmentId',
      meta: 'key',
    });
  }
}

/** The tables a change on site writes together with its outbox entry. */
export function workTables(db: OfflineDatabase) {
  return [db.interventions, db.photos, db.quotes, db.outbox] as const;
}

/** One database per person: a shared phone never mixes two technicians' work. */
export function openOfflineDatabase(userId: string): OfflineDatabase {
  return new OfflineDatabase(`relais-technician-${userId}`);
}

export const emptyReport = (): ReportContent => ({
  checklist: {},
  workDone: '',
  materials: [],
  timeSpentMinutes: null,
  observations: '',
  reservations: '',
  opportunity: false,
  opportunityNote: '',
});

export const newIntervention = (appointmentId: string): LocalIntervention => ({
  appointmentId,
  enRouteAt: null,
  clockIn: null,
  clockOut: null,
  report: emptyReport(),
  confirmedReport: null,
  signature: null,
});

export const newClientId = (): string => crypto.randomUUID();
