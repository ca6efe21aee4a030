// Downloads the technician's next days into the device database and merges them with
// what was done on the device: the office wins on the schedule, the technician on the
// report's content, and every time the two disagree a conflict notice says so.
import type { Client } from '@urql/core';
import { canonicalReportContent } from '../../../api/resolvers/reportContent.ts';
import { graphql } from '../gql';
import type { TechnicianOfflineSetQuery } from '../gql/graphql';
import { reportForServer } from './contentHash';
import {
  emptyReport,
  newClientId,
  newIntervention,
  type ChecklistAnswer,
  type Conflict,
  type LocalAppointment,
  type LocalIntervention,
  type OfflineDatabase,
  type OutboxEntry,
  type ReportContent,
} from './db';

/** How many days, from today, the phone keeps. */
export const offlineDays = 7;
export const offlineSetStoredAtKey = 'offlineSetStoredAt';
const etagKey = 'offlineSetEtag';

const TechnicianOfflineSetQuery = graphql(`
  query TechnicianOfflineSet($days: Int!, $ifNoneMatch: String) {
    technicianOfflineSet(days: $days, ifNoneMatch: $ifNoneMatch) {
      etag
      data {
        appointments {
          ...JobCardFields
          notes
          version
          service {
            checklist {
              key
              label
            }
          }
          site {
            equipment {
              id
              kind
              brand
              model
              serial
            }
          }
          intervention {
            enRouteAt
            clockInAt
            clockInLatitude
            clockInLongitude
            clockOutAt
            clockOutLatitude
            clockOutLongitude
            checklistAnswers {
              key
              ok
              comment
            }
            workDone
            materials {
              id
              catalogItem {
                id
              }
              label
              quantity
              unit
              unitPriceCents
            }
            timeSpentMinutes
            observations
            reservations
            opportunity
            opportunityNote
          }
        }
        catalog {
          id
          code
          label
          unit
          unitPriceCents
          vatRateBp
        }
      }
    }
  }
`);

type ServerSet = NonNullable<TechnicianOfflineSetQuery['technicianOfflineSet']['data']>;
type ServerAppointment = ServerSet['appointments'][number];
type ServerIntervention = NonNullable<ServerAppointment['intervention']>;

function serverReport(intervention: ServerIntervention): ReportContent {
  return {
    // A "not applicable" answer (null) has no button on the phone: it reads as not answered.
    checklist: Object.fromEntries(
      intervention.checklistAnswers.flatMap((answer): [string, ChecklistAnswer][] =>
        answer.ok === null || answer.ok === undefined
          ? []
          : [[answer.key, { ok: answer.ok, ...(answer.comment ? { comment: answer.comment } : {}) }]],
      ),
    ),
    workDone: intervention.workDone ?? '',
    materials: intervention.materials.map((material) => ({
      id: material.id,
      catalogItemId: material.catalogItem?.id ?? null,
      label: material.label,
      quantity: material.quantity,
      unit: material.unit,
      unitPriceCents: material.unitPriceCents,
    })),
    timeSpentMinutes: intervention.timeSpentMinutes ?? null,
    observations: intervention.observations ?? '',
    reservations: intervention.reservations ?? '',
    opportunity: intervention.opportunity,
    opportunityNote: intervention.opportunityNote ?? '',
  };
}

/** Two reports say the same when their canonical forms (and the opportunity, which that leaves out) agree. */
function sameReport(a: ReportContent, b: ReportContent): boolean {
  const canonical = (report: ReportContent) => {
    const { opportunity, opportunityNote, ...content } = reportForServer(report);
    return `${canonicalReportContent({ appointmentId: '', ...content, photos: [] })}|${opportunity}|${opportunityNote.trim()}`;
  };
  return canonical(a) === canonical(b);
}

const stamp = (at: string | null | undefined, latitude?: number | null, longitude?: number | null) =>
  at ? { at, latitude: latitude ?? null, longitude: longitude ?? null } : null;

/**
 * The device's copy of one intervention after a download. A step or report the device
 * still has to send stays as the device has it; anything else is the server's.
 */
function mergeIntervention(
  local: LocalIntervention | undefined,
  server: ServerIntervention | null | undefined,
  unsent: readonly OutboxEntry[],
  appointmentId: string,
): { intervention: LocalIntervention; reportKept: boolean } {
  const base = local ?? newIntervention(appointmentId);
  const waiting = (kind: OutboxEntry['operation']['kind']) => unsent.some((entry) => entry.operation.kind === kind);
  const fromServer = server ? serverReport(server) : null;
  const keepLocalReport = waiting('saveReport');
  // The server's report is neither the one the device last saw nor the device's own (the office
  // wrote in it) while the device has edits to send: the device's version is kept, and the technician told.
  const reportKept =
    keepLocalReport &&
    fromServer !== null &&
    !sameReport(fromServer, base.confirmedReport ?? emptyReport()) &&
    !sameReport(fromServer, base.report);
  return {
    reportKept,
    intervention: {
      ...base,
      enRouteAt: waiting('markEnRoute') ? base.enRouteAt : (server?.enRouteAt ?? null),
      clockIn: waiting('clockIn') ? base.clockIn : stamp(server?.clockInAt, server?.clockInLatitude, server?.clockInLongitude),
      clockOut: waiting('clockOut') ? base.clockOut : stamp(server?.clockOutAt, server?.clockOutLatitude, server?.clockOutLongitude),
      report: keepLocalReport || !fromServer ? base.report : fromServer,
      confirmedReport: fromServer ?? base.confirmedReport,
    },
  };
}

function toLocalAppointment(appointment: ServerAppointment): LocalAppointment {
  return {
    id: appointment.id,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    arrivalWindowStart: appointment.arrivalWindowStart ?? null,
    arrivalWindowEnd: appointment.arrivalWindowEnd ?? null,
    status: appointment.status,
    notes: appointment.notes ?? null,
    serviceId: appointment.service.id,
    siteId: appointment.site.id,
    customerId: appointment.customer.id,
    version: appointment.version,
  };
}

const hasProgress = (intervention: LocalIntervention | undefined) => Boolean(intervention?.enRouteAt || intervention?.clockIn);

/** Writes a downloaded set in one transaction (a reload mid-way never leaves half of it). */
export async function storeOfflineSet(db: OfflineDatabase, set: ServerSet): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction(
    'rw',
    [db.appointments, db.customers, db.sites, db.services, db.catalog, db.interventions, db.outbox, db.conflicts, db.photos, db.quotes],
    async () => {
      const [previous, interventions, outbox] = await Promise.all([
        db.appointments.toArray(),
        db.interventions.toArray(),
        db.outbox.toArray(),
      ]);
      const previousById = new Map(previous.map((appointment) => [appointment.id, appointment]));
      const interventionById = new Map(interventions.map((intervention) => [intervention.appointmentId, intervention]));
      const unsentFor = (id: string) => outbox.filter((entry) => entry.appointmentId === id);
      const conflicts: Conflict[] = [];
      const conflict = (appointmentId: string, kind: Conflict['kind'], schedule?: { startsAt: string; endsAt: string }) =>
        conflicts.push({ id: newClientId(), appointmentId, kind, ...schedule, detectedAt: now });

      const mergedInterventions: LocalIntervention[] = [];
      for (const appointment of set.appointments) {
        const before = previousById.get(appointment.id);
        const local = interventionById.get(appointment.id);
        const unsent = unsentFor(appointment.id);
        const involved = hasProgress(local) || unsent.length > 0;
        if (before && involved) {
          if (appointment.status === 'CANCELLED' && before.status !== 'CANCELLED') conflict(appointment.id, 'cancelled');
          else if (before.startsAt !== appointment.startsAt || before.endsAt !== appointment.endsAt) {
            conflict(appointment.id, 'moved', { startsAt: appointment.startsAt, endsAt: appointment.endsAt });
          }
        }
        if (appointment.intervention || local) {
          const merged = mergeIntervention(local, appointment.intervention, unsent, appointment.id);
          if (merged.reportKept) conflict(appointment.id, 'reportKept');
          mergedInterventions.push(merged.intervention);
        }
      }

      // Jobs the office took away: kept while the device holds work on them, else forgotten.
      const kept = new Set(set.appointments.map((appointment) => appointment.id));
      const withdrawn: LocalAppointment[] = [];
      const forgotten: string[] = [];
      for (const appointment of previous) {
        if (kept.has(appointment.id)) continue;
        if (
          unsentFor(appointment.id).length > 0 ||
          (hasProgress(interventionById.get(appointment.id)) && !interventionById.get(appointment.id)?.clockOut)
        ) {
          if (!appointment.withdrawn) conflict(appointment.id, 'withdrawn');
          withdrawn.push({ ...appointment, withdrawn: true });
        } else forgotten.push(appointment.id);
      }

      await db.appointments.bulkDelete(forgotten);
      await db.interventions.bulkDelete(forgotten);
      await db.photos.where('appointmentId').anyOf(forgotten).delete();
      await db.quotes.where('appointmentId').anyOf(forgotten).delete();
      await db.appointments.bulkPut([...set.appointments.map(toLocalAppointment), ...withdrawn]);
      await db.customers.bulkPut(set.appointments.map((appointment) => appointment.customer));
      await db.sites.bulkPut(
        set.appointments.map(({ site }) => ({
          ...site,
          label: site.label ?? null,
          accessNotes: site.accessNotes ?? null,
          equipment: site.equipment.map((item) => ({
            ...item,
            brand: item.brand ?? null,
            model: item.model ?? null,
            serial: item.serial ?? null,
          })),
        })),
      );
      await db.services.bulkPut(set.appointments.map((appointment) => appointment.service));
      await db.interventions.bulkPut(mergedInterventions);
      await db.catalog.clear();
      await db.catalog.bulkPut(set.catalog);
      await db.conflicts.bulkAdd(conflicts);
    },
  );
}

/** Downloads the set unless the device already has it (etag); false when the server could not be reached. */
export async function refreshOfflineSet(client: Client, db: OfflineDatabase): Promise<boolean> {
  const etag = (await db.meta.get(etagKey))?.value;
  // Marks for bench/offline.ts (and the browser's performance panel): download, then storage.
  performance.mark('relais:offline-set-requested');
  const result = await client
    .query(
      TechnicianOfflineSetQuery,
      { days: offlineDays, ifNoneMatch: typeof etag === 'string' ? etag : null },
      { requestPolicy: 'network-only' },
    )
    .toPromise();
  if (!result.data) return false;
  const { data, etag: nextEtag } = result.data.technicianOfflineSet;
  performance.measure('relais:offline-set-downloaded', 'relais:offline-set-requested');
  performance.mark('relais:offline-set-received');
  if (data) await storeOfflineSet(db, data);
  await db.meta.bulkPut([
    { key: etagKey, value: nextEtag },
    { key: offlineSetStoredAtKey, value: new Date().toISOString() },
  ]);
  performance.measure('relais:offline-set-stored', 'relais:offline-set-received');
  return true;
}
