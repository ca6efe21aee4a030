import { z } from 'zod';
import type { FileStore } from '../app/fileStore.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { enqueueInterventionReport } from './deliverInterventionReport.ts';
import { NotFoundError, parseInput } from './errors.ts';
import { ContentChangedError, ReportSignedError } from './fieldWorkErrors.ts';
import { findIdempotentResult, idempotencyKeyFor, recordIdempotentResult, runOnce } from './idempotency.ts';
import { clientMutationIdRule, idRule, textRule } from './inputRules.ts';
import { recordAudit } from './recordAudit.ts';
import { reportContentHash } from './reportContent.ts';
import { reportContentSelect, storedReportContent } from './storedReportContent.ts';
import {
  checkDeviceTime,
  contentHashRule,
  lockTechnicianAppointment,
  checkSignatureImage,
  storeTechnicianImage,
  type FieldWorkDeps,
  type SignatureOrigin,
} from './technicianVisitRules.ts';

const signInterventionReportInput = z.object({
  appointmentId: idRule,
  signerName: textRule(200),
  signedAt: z.date(),
  contentHash: contentHashRule,
  clientMutationId: clientMutationIdRule,
});

export type SignInterventionReportInput = z.input<typeof signInterventionReportInput> & { signature?: unknown };

/**
 * The customer signs the report on the technician's phone. The hash the phone computed
 * over what it showed (reportContent.ts) must be the hash of the report as stored, else
 * ContentChangedError; the signature image, time, name, hash, IP and device are kept
 * as evidence and the report is closed (SIGNED). Once per client mutation id. The PDF
 * and the e-mail to the customer follow through the job runner (SENT when mailed).
 */
export async function signInterventionReport(
  deps: FieldWorkDeps & { files: FileStore },
  viewer: Viewer,
  input: SignInterventionReportInput,
  origin: SignatureOrigin,
  options: { now?: Date } = {},
): Promise<{ interventionId: string; replayed: boolean }> {
  const data = parseInput(signInterventionReportInput, input);
  const key = idempotencyKeyFor(viewer, 'signInterventionReport', data.clientMutationId);
  const result = await runOnce(deps.prisma, key, async () => {
    const signature = await checkSignatureImage(input.signature, 'signature-rapport');
    return deps.prisma.$transaction(async (tx: Prisma.TransactionClient) => {
      const appointment = await lockTechnicianAppointment(tx, viewer, data.appointmentId, { moved: 'accept' });
      // A concurrent replay waited for the lock above: it must not store the signature a second time.
      const earlier = await findIdempotentResult<{ interventionId: string; customerId: string }>(tx, key);
      if (earlier) return earlier;
      checkDeviceTime(data.signedAt, appointment, 'signedAt', options.now);
      const report = await tx.intervention.findUnique({
        where: { appointmentId: appointment.id },
        select: { ...reportContentSelect, id: true, reportStatus: true },
      });
      if (!report) throw new NotFoundError('Rapport d’intervention', 'Intervention report');
      if (report.reportStatus !== 'DRAFT') throw new ReportSignedError();
      const currentHash = await reportContentHash(storedReportContent(report));
      if (currentHash !== data.contentHash) throw new ContentChangedError(currentHash);
      const signatureFileId = await storeTechnicianImage(tx, deps.files, viewer, signature);
      await tx.intervention.update({
        where: { id: report.id },
        data: {
          reportStatus: 'SIGNED',
          signerName: data.signerName,
          signedAt: data.signedAt,
          signedContentHash: currentHash,
          signatureFileId,
          signerIp: origin.ip,
          signerUserAgent: origin.userAgent,
        },
      });
      await enqueueInterventionReport(tx, report.id);
      await recordAudit(tx, viewer, {
        action: 'intervention.sign',
        entityType: 'Intervention',
        entityId: report.id,
        data: { signerName: data.signerName, signedAt: data.signedAt.toISOString(), contentHash: currentHash, userAgent: origin.userAgent },
        ip: origin.ip,
      });
      await recordIdempotentResult(tx, key, 'signInterventionReport', { interventionId: report.id, customerId: appointment.customerId });
      return { interventionId: report.id, customerId: appointment.customerId };
    });
  });
  if (!result.replayed) {
    deps.hub.publish('customerChanged', { customerId: result.customerId });
    deps.hub.publish('jobsDue', {});
  }
  return { interventionId: result.interventionId, replayed: result.replayed };
}
