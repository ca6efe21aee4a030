// The technician in the field, offline first: the set of data the phone keeps, and the
// mutations its outbox replays (each idempotent by a client mutation id): en route,
// clock in/out, the report, photos, and the customer's signature. docs/technician-api.md
// explains the rules to the PWA.
import type { Context } from '../app/context.ts';
import { NotFoundError, ValidationError } from '../resolvers/errors.ts';
import {
  AppointmentCancelledError,
  AppointmentMovedError,
  ContentChangedError,
  FileTooLargeError,
  NotAssignedError,
  ReportSignedError,
  UnsupportedFileTypeError,
  type ScheduleConflictError,
} from '../resolvers/fieldWorkErrors.ts';
import { loadTechnicianOfflineSet, type TechnicianOfflineSet } from '../resolvers/loadTechnicianOfflineSet.ts';
import { recordVisitStep, type VisitStep } from '../resolvers/recordVisitStep.ts';
import { reportContentHash } from '../resolvers/reportContent.ts';
import { saveInterventionReport } from '../resolvers/saveInterventionReport.ts';
import { signInterventionReport } from '../resolvers/signInterventionReport.ts';
import {
  checklistAnswersOf,
  reportContentSelect,
  serviceChecklistOf,
  storedReportContent,
  type ChecklistAnswer,
  type ServiceChecklistItem,
} from '../resolvers/storedReportContent.ts';
import { uploadInterventionPhoto } from '../resolvers/uploadInterventionPhoto.ts';
import { viewerCanReadDocument } from '../resolvers/viewerAccess.ts';
import { builder } from './builder.ts';
import { errorTypeOptions } from './errors.ts';
import { nonEmptyQuery } from './prismaQuery.ts';

const ReportStatusEnum = builder.enumType('ReportStatus', {
  values: {
    DRAFT: { description: 'Being written; the technician may still change it.' },
    SIGNED: { description: 'Signed by the customer; its PDF and e-mail are on their way.' },
    SENT: { description: 'Signed, and e-mailed to the customer.' },
  },
});
const PhotoKindEnum = builder.enumType('PhotoKind', { values: ['BEFORE', 'AFTER', 'OTHER'] as const });
const DocumentKindEnum = builder.enumType('DocumentKind', {
  values: ['QUOTE', 'INVOICE', 'INTERVENTION_REPORT', 'PHOTO', 'ATTACHMENT', 'CONTRACT', 'OTHER'] as const,
});

// ───── Types ─────

const ChecklistItemType = builder.objectRef<ServiceChecklistItem>('ChecklistItem').implement({
  description: 'One point of a service’s intervention checklist.',
  authScopes: { staff: true },
  fields: (t) => ({ key: t.exposeString('key'), label: t.exposeString('label') }),
});

builder.prismaObjectFields('Service', (t) => ({
  checklist: t.field({
    type: [ChecklistItemType],
    description: 'The points the technician checks on this service’s interventions.',
    authScopes: { staff: true },
    select: { checklist: true },
    resolve: (service) => serviceChecklistOf(service.checklist),
  }),
}));

const ChecklistAnswerType = builder.objectRef<ChecklistAnswer>('ChecklistAnswer').implement({
  authScopes: { staff: true },
  fields: (t) => ({
    key: t.exposeString('key'),
    ok: t.exposeBoolean('ok', { nullable: true, description: 'True: compliant; false: not compliant; null: not applicable.' }),
    comment: t.exposeString('comment', { nullable: true }),
  }),
});

builder.prismaObject('CatalogItem', {
  description: 'An item of the price catalogue (materials, labour, travel).',
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    unit: t.exposeString('unit'),
    unitPriceCents: t.exposeInt('unitPriceCents', { description: 'Excluding VAT.' }),
    vatRateBp: t.exposeInt('vatRateBp', { description: 'VAT rate in basis points (2000 = 20 %).' }),
    active: t.exposeBoolean('active'),
  }),
});

builder.prismaObject('InterventionMaterial', {
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    catalogItem: t.relation('catalogItem', { nullable: true }),
    label: t.exposeString('label'),
    quantity: t.float({ select: { quantity: true }, resolve: (material) => material.quantity.toNumber() }),
    unit: t.exposeString('unit'),
    unitPriceCents: t.exposeInt('unitPriceCents', { description: 'Excluding VAT.' }),
  }),
});

builder.prismaObject('Photo', {
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: PhotoKindEnum }),
    takenAt: t.expose('takenAt', { type: 'DateTime' }),
    latitude: t.exposeFloat('latitude', { nullable: true }),
    longitude: t.exposeFloat('longitude', { nullable: true }),
    sha256: t.string({
      description: 'SHA-256 of the bytes uploaded: what the signed report content lists.',
      select: { file: { select: { sha256: true } } },
      resolve: (photo) => photo.file.sha256,
    }),
    mimeType: t.string({ select: { file: { select: { mimeType: true } } }, resolve: (photo) => photo.file.mimeType }),
    sizeBytes: t.int({ select: { file: { select: { sizeBytes: true } } }, resolve: (photo) => photo.file.sizeBytes }),
  }),
});

builder.prismaObject('Document', {
  description: 'A stored file linked to a customer: a signed report, a quote…',
  // A customer sees only the documents meant for them.
  authScopes: (document, context) => viewerCanReadDocument(context.viewer, document),
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: DocumentKindEnum }),
    title: t.exposeString('title'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    mimeType: t.string({ select: { file: { select: { mimeType: true } } }, resolve: (document) => document.file.mimeType }),
    sizeBytes: t.int({ select: { file: { select: { sizeBytes: true } } }, resolve: (document) => document.file.sizeBytes }),
    sha256: t.string({ select: { file: { select: { sha256: true } } }, resolve: (document) => document.file.sha256 }),
    url: t.string({
      description: 'Where the file is downloaded (same session cookie or bearer token as the API).',
      resolve: (document) => `/files/documents/${document.id}`,
    }),
  }),
});

builder.prismaObject('Intervention', {
  description: 'What the technician records of a visit: times, report, photos, signature.',
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    appointment: t.relation('appointment'),
    technician: t.relation('technician'),
    enRouteAt: t.expose('enRouteAt', { type: 'DateTime', nullable: true }),
    clockInAt: t.expose('clockInAt', { type: 'DateTime', nullable: true }),
    clockInLatitude: t.exposeFloat('clockInLat', { nullable: true }),
    clockInLongitude: t.exposeFloat('clockInLng', { nullable: true }),
    clockOutAt: t.expose('clockOutAt', { type: 'DateTime', nullable: true }),
    clockOutLatitude: t.exposeFloat('clockOutLat', { nullable: true }),
    clockOutLongitude: t.exposeFloat('clockOutLng', { nullable: true }),
    checklistAnswers: t.field({
      type: [ChecklistAnswerType],
      select: { checklistAnswers: true },
      resolve: (intervention) => checklistAnswersOf(intervention.checklistAnswers),
    }),
    workDone: t.exposeString('workDone', { nullable: true }),
    materials: t.relation('materials', { query: { orderBy: [{ label: 'asc' }, { id: 'asc' }] } }),
    timeSpentMinutes: t.exposeInt('timeSpentMinutes', { nullable: true }),
    observations: t.exposeString('observations', { nullable: true }),
    reservations: t.exposeString('reservations', { nullable: true }),
    opportunity: t.exposeBoolean('opportunity'),
    opportunityNote: t.exposeString('opportunityNote', { nullable: true }),
    photos: t.relation('photos', { query: { orderBy: [{ takenAt: 'asc' }, { id: 'asc' }] } }),
    reportStatus: t.expose('reportStatus', { type: ReportStatusEnum }),
    contentHash: t.string({
      description: 'SHA-256 of the report content as stored now (reportContent.ts): what a signature must be made over.',
      select: reportContentSelect,
      resolve: (intervention) => reportContentHash(storedReportContent(intervention)),
    }),
    signerName: t.exposeString('signerName', { nullable: true }),
    signedAt: t.expose('signedAt', { type: 'DateTime', nullable: true }),
    signedContentHash: t.exposeString('signedContentHash', { nullable: true }),
    reportDocument: t.relation('reportDocument', { nullable: true, description: 'The signed report’s PDF, once made.' }),
    quotes: t.relation('quotes', { description: 'Quotes drawn up on site.', query: { orderBy: { createdAt: 'asc' } } }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields('Appointment', (t) => ({
  enRouteAt: t.field({
    type: 'DateTime',
    nullable: true,
    description: 'When the technician set off for this appointment (status EN_ROUTE): the customer’s “on the way”.',
    select: { intervention: { select: { enRouteAt: true } } },
    resolve: (appointment) => appointment.intervention?.enRouteAt ?? null,
  }),
  intervention: t.relation('intervention', { nullable: true, authScopes: { staff: true } }),
}));

// ───── Offline set ─────

const OfflineSetDataType = builder.objectRef<TechnicianOfflineSet>('TechnicianOfflineData').implement({
  authScopes: { technician: true },
  fields: (t) => ({
    appointments: t.prismaField({
      type: ['Appointment'],
      description: 'With customer, site (access notes, equipment), service (checklist) and intervention: query what the phone keeps.',
      resolve: (query, set, _args, context) =>
        context.prisma.appointment.findMany({ ...query, where: set.appointmentsWhere, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] }),
    }),
    catalog: t.prismaField({
      type: ['CatalogItem'],
      description: 'The active price catalogue.',
      resolve: (query, _set, _args, context) =>
        context.prisma.catalogItem.findMany({ ...query, where: { active: true }, orderBy: { code: 'asc' } }),
    }),
  }),
});

const OfflineSetType = builder.objectRef<TechnicianOfflineSet>('TechnicianOfflineSet').implement({
  description: 'What the technician’s phone keeps to work offline, tagged so that an unchanged set is not sent again.',
  authScopes: { technician: true },
  fields: (t) => ({
    serverTime: t.expose('serverTime', { type: 'DateTime', description: 'The server’s clock, for the phone to measure its own drift.' }),
    from: t.expose('from', { type: 'DateTime', description: 'Start of today in Paris.' }),
    to: t.expose('to', { type: 'DateTime' }),
    etag: t.exposeString('etag', { description: 'Send it back as ifNoneMatch on the next refresh.' }),
    data: t.field({
      type: OfflineSetDataType,
      nullable: true,
      description: 'Null when ifNoneMatch is the current etag: what the phone has is current.',
      resolve: (set) => (set.changed ? set : null),
    }),
  }),
});

builder.queryField('technicianOfflineSet', (t) =>
  t.field({
    type: OfflineSetType,
    description: 'The logged-in technician’s appointments from today for `days` days (cancelled ones included) and the price catalogue.',
    authScopes: { technician: true },
    args: {
      days: t.arg.int({ defaultValue: 7 }),
      ifNoneMatch: t.arg.string({ required: false, description: 'The etag of the set the phone holds.' }),
    },
    resolve: (_root, args, context) => loadTechnicianOfflineSet(context.prisma, context.viewer, args),
  }),
);

// ───── Errors ─────

function scheduleConflictType(errorClass: new (appointmentId: string) => ScheduleConflictError, name: string) {
  builder.objectType(errorClass, {
    name,
    ...errorTypeOptions,
    fields: (t) => ({
      appointment: t.prismaField({
        type: 'Appointment',
        description: 'The appointment as the office has it now.',
        resolve: (query, error, _args, context) =>
          context.prisma.appointment.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: error.appointmentId } }),
      }),
    }),
  });
}
scheduleConflictType(AppointmentCancelledError, 'AppointmentCancelledError');
scheduleConflictType(AppointmentMovedError, 'AppointmentMovedError');
builder.objectType(NotAssignedError, { name: 'NotAssignedError', ...errorTypeOptions });
builder.objectType(ReportSignedError, { name: 'ReportSignedError', ...errorTypeOptions });
builder.objectType(ContentChangedError, {
  name: 'ContentChangedError',
  ...errorTypeOptions,
  fields: (t) => ({ currentHash: t.exposeString('currentHash', { description: 'The hash of the content as the server holds it.' }) }),
});
builder.objectType(FileTooLargeError, {
  name: 'FileTooLargeError',
  ...errorTypeOptions,
  fields: (t) => ({ maxBytes: t.exposeInt('maxBytes') }),
});
builder.objectType(UnsupportedFileTypeError, {
  name: 'UnsupportedFileTypeError',
  ...errorTypeOptions,
  fields: (t) => ({ accepted: t.exposeStringList('accepted') }),
});

// ───── Mutations ─────

const ChecklistAnswerInput = builder.inputType('ChecklistAnswerInput', {
  fields: (t) => ({
    key: t.string({ description: 'A key of the service’s checklist.' }),
    ok: t.boolean({ required: false, description: 'True: compliant; false: not compliant; null: not applicable.' }),
    comment: t.string({ required: false }),
  }),
});

const InterventionMaterialInput = builder.inputType('InterventionMaterialInput', {
  fields: (t) => ({
    catalogItemId: t.id({ required: false }),
    label: t.string(),
    quantity: t.float({ description: 'At most three decimals.' }),
    unit: t.string(),
    unitPriceCents: t.int({ description: 'Excluding VAT.' }),
  }),
});

const SaveInterventionReportInput = builder.inputType('SaveInterventionReportInput', {
  fields: (t) => ({
    appointmentId: t.id(),
    checklistAnswers: t.field({ type: [ChecklistAnswerInput] }),
    workDone: t.string({ required: false }),
    materials: t.field({ type: [InterventionMaterialInput] }),
    timeSpentMinutes: t.int({ required: false }),
    observations: t.string({ required: false }),
    reservations: t.string({ required: false }),
    opportunity: t.boolean({ description: 'A sales opportunity for the office: opens one ticket.' }),
    opportunityNote: t.string({ required: false }),
    baseVersion: t.int({ required: false, description: 'The appointment version the phone had; the report is saved anyway.' }),
    clientMutationId: t.string({ description: 'Chosen by the phone (UUID): a replay returns the first result.' }),
  }),
});

export const scheduleErrors = [ValidationError, NotFoundError, NotAssignedError, AppointmentCancelledError] as const;

function visitStepField(step: VisitStep, description: string, withPosition: boolean): void {
  builder.mutationField({ EN_ROUTE: 'markEnRoute', ON_SITE: 'clockIn', DONE: 'clockOut' }[step], (t) =>
    t.prismaField({
      type: 'Intervention',
      description,
      authScopes: { technician: true },
      errors: { types: [...scheduleErrors, AppointmentMovedError] },
      args: {
        appointmentId: t.arg.id(),
        at: t.arg({ type: 'DateTime', description: 'The phone’s time when it happened.' }),
        ...(withPosition ? { latitude: t.arg.float({ required: false }), longitude: t.arg.float({ required: false }) } : {}),
        baseVersion: t.arg.int({
          required: false,
          description: 'The appointment version the phone had: refused if the office moved it since.',
        }),
        clientMutationId: t.arg.string(),
      },
      resolve: async (query, _root, args, context) => {
        const { interventionId } = await recordVisitStep(context, context.viewer, step, args);
        return context.prisma.intervention.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: interventionId } });
      },
    }),
  );
}

visitStepField('EN_ROUTE', 'The technician sets off for the appointment; the customer sees “on the way”.', false);
visitStepField('ON_SITE', 'The technician clocks in on site (position optional, recorded during working hours only).', true);
visitStepField('DONE', 'The technician clocks out; the appointment is done.', true);

export const signatureOrigin = (context: Context) => ({ ip: context.clientIp, userAgent: context.userAgent });

builder.mutationFields((t) => ({
  saveInterventionReport: t.prismaField({
    type: 'Intervention',
    description: 'Saves the report as the phone has it (last write wins) until the customer signs it.',
    authScopes: { technician: true },
    errors: { types: [...scheduleErrors, ReportSignedError] },
    args: { input: t.arg({ type: SaveInterventionReportInput }) },
    resolve: async (query, _root, { input }, context) => {
      const { interventionId } = await saveInterventionReport(context, context.viewer, input);
      return context.prisma.intervention.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: interventionId } });
    },
  }),
  uploadInterventionPhoto: t.prismaField({
    type: 'Photo',
    description: 'Attaches a photo (JPEG, PNG or WebP by content, 10 MB at most) as a multipart upload.',
    authScopes: { technician: true },
    errors: { types: [...scheduleErrors, ReportSignedError, FileTooLargeError, UnsupportedFileTypeError] },
    args: {
      appointmentId: t.arg.id(),
      file: t.arg({ type: 'File' }),
      kind: t.arg({ type: PhotoKindEnum }),
      takenAt: t.arg({ type: 'DateTime' }),
      latitude: t.arg.float({ required: false }),
      longitude: t.arg.float({ required: false }),
      clientMutationId: t.arg.string(),
    },
    resolve: async (query, _root, args, context) => {
      const { photoId } = await uploadInterventionPhoto(context, context.viewer, args);
      return context.prisma.photo.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: photoId } });
    },
  }),
  signInterventionReport: t.prismaField({
    type: 'Intervention',
    description: 'The customer signs the report on the phone; the signed PDF is then e-mailed to them.',
    authScopes: { technician: true },
    errors: { types: [...scheduleErrors, ReportSignedError, ContentChangedError, FileTooLargeError, UnsupportedFileTypeError] },
    args: {
      appointmentId: t.arg.id(),
      signerName: t.arg.string(),
      signature: t.arg({ type: 'File', description: 'The signature drawn on the screen, as a PNG.' }),
      signedAt: t.arg({ type: 'DateTime' }),
      contentHash: t.arg.string({ description: 'SHA-256 of the canonical report content shown to the customer (reportContent.ts).' }),
      clientMutationId: t.arg.string(),
    },
    resolve: async (query, _root, args, context) => {
      const { interventionId } = await signInterventionReport(context, context.viewer, args, signatureOrigin(context));
      return context.prisma.intervention.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: interventionId } });
    },
  }),
}));
