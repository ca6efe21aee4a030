// A signed report reaches the customer through the job runner: the job is queued in the
// signature's own transaction (it exists exactly when the signature does), runs at once,
// and is retried while the mail server fails, without making a second PDF.
import { z } from 'zod';
import type { AppConfig } from '../app/config.ts';
import type { FileStore } from '../app/fileStore.ts';
import type { Mailer } from '../app/mailer.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { parisDateKey } from './parisTime.ts';
import { formatParisDate, imageForPdf } from './pdfLayout.ts';
import { readCompanyProfile, type CompanyProfile } from './readCompanyProfile.ts';
import {
  interventionReportSelect,
  interventionReportTitle,
  renderInterventionReportPdf,
  type InterventionReportData,
} from './renderInterventionReportPdf.ts';
import { parseMailbox, sendRecordedEmail } from './sendRecordedEmail.ts';
import { storeFile } from './storeFile.ts';
import { siteAddress } from './appointmentDetails.ts';
import { enqueueJob } from './enqueueJob.ts';

export const interventionReportKind = 'intervention.report';

const payloadRule = z.object({ interventionId: z.string() });

export interface ReportDeliveryDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  files: FileStore;
  config: Pick<AppConfig, 'mailFrom' | 'publicUrl'>;
}

export async function enqueueInterventionReport(tx: Prisma.TransactionClient, interventionId: string): Promise<void> {
  await enqueueJob(tx, {
    kind: interventionReportKind,
    payload: { interventionId },
    dedupeKey: `${interventionReportKind}:${interventionId}`,
  });
}

/**
 * Makes the signed report's PDF (once), keeps it as a document the customer sees in the
 * portal, and e-mails it to the customer (reportStatus SENT). A customer without an
 * e-mail address keeps a SIGNED report; a mail server failure throws, for a retry.
 */
export async function deliverInterventionReport(deps: ReportDeliveryDeps, payload: unknown): Promise<void> {
  const { interventionId } = payloadRule.parse(payload);
  const { prisma } = deps;
  const report = await prisma.intervention.findUnique({
    where: { id: interventionId },
    select: { ...interventionReportSelect, reportStatus: true, reportDocument: { select: { file: { select: { storageKey: true } } } } },
  });
  if (!report || report.reportStatus === 'DRAFT') return;
  const company = await readCompanyProfile(prisma);
  const pdf = report.reportDocument
    ? await deps.files.read(report.reportDocument.file.storageKey)
    : await storeReportDocument(deps, report, company);
  if (report.reportStatus === 'SENT') return;
  const { customer } = report.appointment;
  const to = customer.erasedAt ? undefined : customer.emails[0];
  if (!to) return;
  const { subject, text } = reportEmail(report, customer.users[0]?.locale ?? 'fr', {
    companyName: company?.name ?? parseMailbox(deps.config.mailFrom).name ?? '',
    portalUrl: `${deps.config.publicUrl}/client`,
  });
  const outcome = await sendRecordedEmail(deps, {
    to,
    subject,
    text,
    attachments: [{ filename: reportFileName(report), contentType: 'application/pdf', content: pdf }],
    customerId: report.appointment.customerId,
  });
  if (outcome.status === 'FAILED') throw new Error(`intervention report e-mail not sent: ${outcome.error}`);
  await prisma.intervention.update({ where: { id: interventionId }, data: { reportStatus: 'SENT' } });
}

const reportFileName = (report: InterventionReportData) => `rapport-intervention-${parisDateKey(report.appointment.startsAt)}.pdf`;

async function storeReportDocument(
  deps: ReportDeliveryDeps,
  report: InterventionReportData,
  company: CompanyProfile | null,
): Promise<Buffer> {
  const read = async (storageKey: string, kind: 'photo' | 'signature') => imageForPdf(await deps.files.read(storageKey), kind);
  const images = {
    photos: await Promise.all(report.photos.map((photo) => read(photo.file.storageKey, 'photo'))),
    signature: report.signatureFile ? await read(report.signatureFile.storageKey, 'signature') : null,
  };
  const pdf = await renderInterventionReportPdf(report, images, company);
  await deps.prisma.$transaction(async (tx) => {
    const fileId = await storeFile(tx, deps.files, { fileName: reportFileName(report), mimeType: 'application/pdf', content: pdf });
    const document = await tx.document.create({
      data: {
        kind: 'INTERVENTION_REPORT',
        title: interventionReportTitle(report),
        fileId,
        customerId: report.appointment.customerId,
        siteId: report.appointment.siteId,
        interventionId: report.id,
        visibleToCustomer: true,
      },
      select: { id: true },
    });
    await tx.intervention.update({ where: { id: report.id }, data: { reportDocumentId: document.id } });
  });
  return pdf;
}

function reportEmail(
  report: InterventionReportData,
  locale: 'fr' | 'en',
  context: { companyName: string; portalUrl: string },
): { subject: string; text: string } {
  const { appointment } = report;
  const date = formatParisDate(appointment.startsAt);
  const address = siteAddress(appointment.site);
  const signer = report.signerName ?? '';
  const lines =
    locale === 'en'
      ? [
          `Hello ${appointment.customer.name},`,
          '',
          `Please find attached the report of the intervention of ${date} at ${address}, signed by ${signer}.`,
          'It also stays available in your customer area:',
          context.portalUrl,
          '',
          'Kind regards,',
          context.companyName,
        ]
      : [
          `Bonjour ${appointment.customer.name},`,
          '',
          `Veuillez trouver ci-joint le rapport de l’intervention du ${date} au ${address}, signé par ${signer}.`,
          'Il reste disponible dans votre espace client :',
          context.portalUrl,
          '',
          'Cordialement,',
          context.companyName,
        ];
  const subject = locale === 'en' ? `Intervention report of ${date}` : interventionReportTitle(report);
  return { subject: `${subject} – ${context.companyName}`, text: lines.join('\n') };
}
