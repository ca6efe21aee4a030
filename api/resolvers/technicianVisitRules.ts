// What the technician's offline mutations share: whose appointment it is, who wins a
// conflict with the office, whether a time sent by the phone is plausible, and input rules.
import { z } from 'zod';
import type { Hub } from '../app/hub.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { AppointmentCancelledError, AppointmentMovedError, NotAssignedError } from './fieldWorkErrors.ts';
import { addParisDays, startOfParisDay } from './parisTime.ts';
import { checkUploadedImage, type CheckedImage } from './checkUploadedImage.ts';
import { storeFile } from './storeFile.ts';
import { actorUserId } from './ticketRules.ts';
import type { FileStore } from '../app/fileStore.ts';

export interface FieldWorkDeps {
  prisma: PrismaClient;
  hub: Hub;
}

/** Phones' clocks drift: a time this far ahead of the server's is still taken as now. */
export const deviceClockSkewMs = 5 * 60_000;

export const latitudeRule = z.number().min(-90, 'Latitude invalide.|Invalid latitude.').max(90, 'Latitude invalide.|Invalid latitude.');
export const longitudeRule = z
  .number()
  .min(-180, 'Longitude invalide.|Invalid longitude.')
  .max(180, 'Longitude invalide.|Invalid longitude.');
export const baseVersionRule = z.number().int().min(1).nullish();
export const contentHashRule = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, 'Empreinte SHA-256 invalide (64 caractères hexadécimaux).|Invalid SHA-256 hash (64 hex characters).');

/** A signature drawn with a finger is a small PNG; this leaves room for high-density screens. */
const signatureMaxBytes = 2_000_000;

/** The customer's signature as drawn on the phone: a PNG, checked by its bytes. */
export function checkSignatureImage(upload: unknown, defaultName: string): Promise<CheckedImage> {
  return checkUploadedImage(upload, { accept: ['png'], maxBytes: signatureMaxBytes, path: 'signature', defaultName });
}

/** Keeps an image checked from the technician's phone (photo or signature), credited to them. */
export function storeTechnicianImage(tx: Prisma.TransactionClient, files: FileStore, viewer: Viewer, image: CheckedImage): Promise<string> {
  return storeFile(tx, files, {
    fileName: image.fileName,
    mimeType: image.mimeType,
    content: image.content,
    uploadedById: actorUserId(viewer),
  });
}

/** Where a signature came from, kept as evidence. */
export interface SignatureOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** Quantities are kept with three decimals (metres of cable, hours of work). */
export const quantityRule = z
  .number()
  .positive('La quantité doit être positive.|The quantity must be positive.')
  .max(10_000, 'Quantité trop grande.|Quantity too large.')
  .refine((quantity) => Math.abs(quantity * 1000 - Math.round(quantity * 1000)) < 1e-6, 'Trois décimales au plus.|At most three decimals.');
export const unitPriceRule = z
  .number()
  .int('Le prix est en centimes entiers.|The price is in whole cents.')
  .min(0, 'Le prix ne peut pas être négatif.|The price cannot be negative.')
  .max(10_000_000, 'Prix unitaire trop élevé.|Unit price too high.');

/** A position is recorded whole or not at all. */
export function positionIsWhole(input: { latitude?: number | null; longitude?: number | null }): boolean {
  return (input.latitude == null) === (input.longitude == null);
}
export const positionIssue = {
  message: 'Latitude et longitude vont ensemble.|Latitude and longitude go together.',
  path: ['latitude'],
};

const appointmentSelect = {
  id: true,
  status: true,
  version: true,
  startsAt: true,
  endsAt: true,
  technicianId: true,
  customerId: true,
  siteId: true,
  technician: { select: { userId: true } },
} satisfies Prisma.AppointmentSelect;

export type TechnicianAppointment = Prisma.AppointmentGetPayload<{ select: typeof appointmentSelect }>;

/**
 * Locks the appointment for this transaction (the office's moves and cancellations wait,
 * and so do the phone's other mutations on it) and checks the office's side of it:
 * it must be the viewer's, not cancelled, and — when `moved` is 'refuse' and the phone
 * says which version it saw — not moved since.
 */
export async function lockTechnicianAppointment(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  appointmentId: string,
  options: { baseVersion?: number | null; moved: 'refuse' | 'accept' },
): Promise<TechnicianAppointment> {
  await tx.$queryRaw`SELECT "id" FROM "Appointment" WHERE "id" = ${appointmentId} FOR UPDATE`;
  const appointment = await tx.appointment.findUnique({ where: { id: appointmentId }, select: appointmentSelect });
  if (!appointment) throw new NotFoundError('Rendez-vous', 'Appointment');
  if (viewer.kind !== 'user' || appointment.technician?.userId !== viewer.userId) throw new NotAssignedError();
  if (appointment.status === 'CANCELLED' || appointment.status === 'NO_SHOW') throw new AppointmentCancelledError(appointment.id);
  if (options.moved === 'refuse' && options.baseVersion != null && options.baseVersion !== appointment.version) {
    throw new AppointmentMovedError(appointment.id);
  }
  return appointment;
}

/** The appointment's intervention, created on the first thing the technician records. */
export async function ensureIntervention(tx: Prisma.TransactionClient, appointment: TechnicianAppointment) {
  return tx.intervention.upsert({
    where: { appointmentId: appointment.id },
    create: { appointmentId: appointment.id, technicianId: appointment.technicianId! },
    update: {},
    select: { id: true, reportStatus: true, clockInAt: true },
  });
}

/**
 * A time read from the phone's clock: not in the future (beyond the skew) and not before
 * the day before the appointment, in Paris; anything else is a wrong clock or a wrong job.
 */
export function checkDeviceTime(at: Date, appointment: { startsAt: Date }, path: string, now = new Date()): void {
  if (at.getTime() > now.getTime() + deviceClockSkewMs) {
    throw new ValidationError([
      {
        path,
        messageFr: 'Cette heure est dans le futur : vérifiez la date et l’heure du téléphone.',
        messageEn: 'This time is in the future: check the phone’s date and time.',
      },
    ]);
  }
  if (at < addParisDays(startOfParisDay(appointment.startsAt), -1)) {
    throw new ValidationError([
      {
        path,
        messageFr: 'Cette heure précède la veille du rendez-vous : vérifiez la date du téléphone.',
        messageEn: 'This time is before the day before the appointment: check the phone’s date.',
      },
    ]);
  }
}
