import { z } from 'zod';
import { checkUploadedImage } from './checkUploadedImage.ts';
import type { FileStore } from '../app/fileStore.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { PhotoKind } from '../generated/prisma/enums.ts';
import { parseInput, ValidationError } from './errors.ts';
import { ReportSignedError } from './fieldWorkErrors.ts';
import { findIdempotentResult, idempotencyKeyFor, recordIdempotentResult, runOnce } from './idempotency.ts';
import { clientMutationIdRule, idRule } from './inputRules.ts';
import {
  checkDeviceTime,
  ensureIntervention,
  latitudeRule,
  lockTechnicianAppointment,
  longitudeRule,
  positionIsWhole,
  positionIssue,
  storeTechnicianImage,
  type FieldWorkDeps,
} from './technicianVisitRules.ts';

export const photoMaxBytes = 10_000_000;
/** Every photo goes into the report PDF that is e-mailed: beyond this, it stops being readable or sendable. */
export const photosPerIntervention = 40;

const uploadInterventionPhotoInput = z
  .object({
    appointmentId: idRule,
    kind: z.enum(PhotoKind, 'Valeur non reconnue.|Unknown value.'),
    takenAt: z.date(),
    latitude: latitudeRule.nullish(),
    longitude: longitudeRule.nullish(),
    clientMutationId: clientMutationIdRule,
  })
  .refine(positionIsWhole, positionIssue);

export type UploadInterventionPhotoInput = z.input<typeof uploadInterventionPhotoInput> & { file?: unknown };

/**
 * Attaches a photo (before/after the work…) taken on site, once per client mutation id.
 * The file must really be a JPEG, PNG or WebP image of at most 10 MB: anything else is
 * refused before a byte is written. No photo is added to a signed report.
 */
export async function uploadInterventionPhoto(
  deps: FieldWorkDeps & { files: FileStore },
  viewer: Viewer,
  input: UploadInterventionPhotoInput,
  options: { now?: Date } = {},
): Promise<{ photoId: string; replayed: boolean }> {
  const data = parseInput(uploadInterventionPhotoInput, input);
  const key = idempotencyKeyFor(viewer, 'uploadInterventionPhoto', data.clientMutationId);
  return runOnce(deps.prisma, key, async () => {
    const image = await checkUploadedImage(input.file, {
      accept: ['jpeg', 'png', 'webp'],
      maxBytes: photoMaxBytes,
      path: 'file',
      defaultName: 'photo',
    });
    return deps.prisma.$transaction(async (tx: Prisma.TransactionClient) => {
      const appointment = await lockTechnicianAppointment(tx, viewer, data.appointmentId, { moved: 'accept' });
      // A concurrent replay waited for the lock above: it must not store the file a second time.
      const earlier = await findIdempotentResult<{ photoId: string }>(tx, key);
      if (earlier) return earlier;
      checkDeviceTime(data.takenAt, appointment, 'takenAt', options.now);
      const intervention = await ensureIntervention(tx, appointment);
      // Photos are part of what the customer signs.
      if (intervention.reportStatus !== 'DRAFT') throw new ReportSignedError();
      if ((await tx.photo.count({ where: { interventionId: intervention.id } })) >= photosPerIntervention) {
        throw new ValidationError([
          {
            path: 'file',
            messageFr: `Au plus ${photosPerIntervention} photos par intervention.`,
            messageEn: `At most ${photosPerIntervention} photos per intervention.`,
          },
        ]);
      }
      const fileId = await storeTechnicianImage(tx, deps.files, viewer, image);
      const photo = await tx.photo.create({
        data: {
          interventionId: intervention.id,
          kind: data.kind,
          takenAt: data.takenAt,
          latitude: data.latitude ?? null,
          longitude: data.longitude ?? null,
          fileId,
        },
        select: { id: true },
      });
      await recordIdempotentResult(tx, key, 'uploadInterventionPhoto', { photoId: photo.id });
      return { photoId: photo.id };
    });
  });
}
