// The technician's offline API end to end, as the PWA's outbox uses it: the offline set,
// every mutation replayed (in turn and at once) and after a lost response, who may call
// them, the office winning on the schedule, photos judged by their bytes over real
// multipart HTTP, the signed report and the on-site quote read back from their PDFs, and
// the report received by a real SMTP server.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../app/httpServer.ts';
import { builtInJobHandlers, createJobRunner, type JobRunner } from '../app/jobRunner.ts';
import { quoteContentHash } from '../resolvers/quoteContent.ts';
import { reportContentHash } from '../resolvers/reportContent.ts';
import { storedReportContent, reportContentSelect } from '../resolvers/storedReportContent.ts';
import { createAppointmentWorld, createTestAppointment, type AppointmentWorld } from './appointmentFixtures.ts';
import { readPdf } from './readPdf.ts';
import { createTestApp, createTestUser, testPassword, type GraphQLResponse, type TestApp, type TestClient } from './testApp.ts';
import { startTestSmtpServer, type TestSmtpServer } from './testSmtpServer.ts';

const company = {
  name: 'Duret Électricité',
  legalForm: 'SARL',
  siret: '48231654400014',
  vatNumber: 'FR62482316544',
  address: { street: '27 rue de la Roquette', postalCode: '75011', city: 'Paris' },
  phone: '+33145000000',
  email: 'contact@duret-electricite.fr',
};
const deviceAgent = 'RelaisPWA/1.0 (Android 14; Pixel 7)';
const parisTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

interface Upload {
  content: Buffer;
  name: string;
  type: string;
}

const image = (format: 'jpeg' | 'png' | 'webp', color = '#c0392b') =>
  sharp({ create: { width: 96, height: 64, channels: 3, background: color } })
    .toFormat(format)
    .toBuffer();
const signaturePng = () =>
  sharp(
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M10 90 C 60 10, 110 10, 150 70 S 240 120, 290 30" stroke="#000" stroke-width="4" fill="none"/></svg>',
    ),
  )
    .png()
    .toBuffer();
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

const stepMutation = (name: 'markEnRoute' | 'clockIn' | 'clockOut') => {
  const position = name === 'markEnRoute' ? '' : ', $latitude: Float, $longitude: Float';
  const positionArgs = name === 'markEnRoute' ? '' : ', latitude: $latitude, longitude: $longitude';
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  return `mutation($appointmentId: ID!, $at: DateTime!, $baseVersion: Int, $clientMutationId: String!${position}) {
    ${name}(appointmentId: $appointmentId, at: $at, baseVersion: $baseVersion, clientMutationId: $clientMutationId${positionArgs}) {
      __typename
      ... on ${success} { data { id enRouteAt clockInAt clockOutAt clockInLatitude clockInLongitude appointment { id status version } } }
      ... on Error { code messageFr messageEn }
      ... on ValidationError { issues { path messageFr messageEn } }
      ... on AppointmentCancelledError { appointment { id status } }
      ... on AppointmentMovedError { appointment { id version startsAt } }
    }
  }`;
};

const interventionFields = `id reportStatus workDone timeSpentMinutes observations reservations opportunity opportunityNote contentHash
  checklistAnswers { key ok comment }
  materials { catalogItem { id } label quantity unit unitPriceCents }
  photos { id kind takenAt sha256 }
  appointment { id status version startsAt }`;

const saveReportMutation = `mutation($input: SaveInterventionReportInput!) {
  saveInterventionReport(input: $input) {
    __typename
    ... on MutationSaveInterventionReportSuccess { data { ${interventionFields} } }
    ... on Error { code messageFr messageEn }
    ... on ValidationError { issues { path } }
    ... on AppointmentCancelledError { appointment { id status } }
  }
}`;

const uploadPhotoMutation = `mutation($appointmentId: ID!, $file: File!, $kind: PhotoKind!, $takenAt: DateTime!, $latitude: Float, $longitude: Float, $clientMutationId: String!) {
  uploadInterventionPhoto(appointmentId: $appointmentId, file: $file, kind: $kind, takenAt: $takenAt, latitude: $latitude, longitude: $longitude, clientMutationId: $clientMutationId) {
    __typename
    ... on MutationUploadInterventionPhotoSuccess { data { id kind takenAt latitude longitude sha256 mimeType sizeBytes } }
    ... on Error { code messageFr messageEn }
    ... on FileTooLargeError { maxBytes }
    ... on UnsupportedFileTypeError { accepted }
    ... on ValidationError { issues { path } }
  }
}`;

const signMutation = `mutation($appointmentId: ID!, $signerName: String!, $signature: File!, $signedAt: DateTime!, $contentHash: String!, $clientMutationId: String!) {
  signInterventionReport(appointmentId: $appointmentId, signerName: $signerName, signature: $signature, signedAt: $signedAt, contentHash: $contentHash, clientMutationId: $clientMutationId) {
    __typename
    ... on MutationSignInterventionReportSuccess { data { id reportStatus signerName signedAt signedContentHash } }
    ... on Error { code messageFr messageEn }
    ... on ContentChangedError { currentHash }
    ... on UnsupportedFileTypeError { accepted }
  }
}`;

const quoteFields = `id number title status validUntil isFree travelCostCents vatAttestation totalHtCents totalVatCents totalTtcCents contentHash
  acceptedAt acceptedByName acceptedHash createdAt
  lines { position label quantity unit unitPriceCents vatRateBp totalHtCents catalogItem { id } }
  vatByRate { vatRateBp baseHtCents vatCents }`;

const createQuoteMutation = `mutation($input: CreateOnSiteQuoteInput!) {
  createOnSiteQuote(input: $input) {
    __typename
    ... on MutationCreateOnSiteQuoteSuccess { data { ${quoteFields} } }
    ... on Error { code messageFr messageEn }
    ... on ValidationError { issues { path messageFr } }
  }
}`;

const acceptQuoteMutation = `mutation($quoteId: ID!, $signerName: String!, $signature: File!, $acceptedAt: DateTime!, $contentHash: String!, $clientMutationId: String!) {
  acceptQuoteOnSite(quoteId: $quoteId, signerName: $signerName, signature: $signature, acceptedAt: $acceptedAt, contentHash: $contentHash, clientMutationId: $clientMutationId) {
    __typename
    ... on MutationAcceptQuoteOnSiteSuccess { data { ${quoteFields} } }
    ... on Error { code messageFr messageEn }
    ... on ContentChangedError { currentHash }
  }
}`;

const offlineSetQuery = `query($days: Int, $ifNoneMatch: String) {
  technicianOfflineSet(days: $days, ifNoneMatch: $ifNoneMatch) {
    serverTime from to etag
    data {
      appointments {
        id status version startsAt endsAt arrivalWindowStart notes
        customer { id name phones emails }
        site { street postalCode city accessNotes equipment { kind brand } }
        service { name checklist { key label } }
        intervention { reportStatus contentHash }
      }
      catalog { id code label unit unitPriceCents vatRateBp }
    }
  }
}`;

describe('technician offline API', () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  let server: RunningHttpServer;
  let jobs: JobRunner;
  let world: AppointmentWorld;
  let gaetan: TestClient;
  let paul: TestClient;
  let paulTechnicianId: string;
  let customer: TestClient;
  let assistant: TestClient;
  const catalog: Record<'breaker' | 'labour' | 'vmc', string> = { breaker: '', labour: '', vmc: '' };

  // Two-hour appointments three hours apart, from yesterday to tomorrow: every one is
  // close enough to now for the phone's times to be plausible.
  let slot = 0;
  const firstStart = new Date(Date.now() - 30 * 3_600_000);
  const nextAppointment = () =>
    createTestAppointment(app.db.prisma, world, { startsAt: new Date(firstStart.getTime() + slot++ * 3 * 3_600_000) });

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await createTestApp({ smtpUrl: smtp.url, mailFrom: 'Duret Électricité <contact@duret-electricite.fr>' });
    server = await startHttpServer(app, app.config, 0);
    const { prisma } = app.db;
    world = await createAppointmentWorld(prisma);
    await prisma.setting.update({ where: { key: 'company' }, data: { value: company } });
    await prisma.service.update({
      where: { id: world.serviceId },
      data: {
        checklist: [
          { key: 'tableau', label: 'Contrôle du tableau électrique' },
          { key: 'differentiels', label: 'Test des différentiels 30 mA' },
        ],
      },
    });
    await prisma.equipment.create({ data: { siteId: world.siteId, kind: 'Tableau électrique', brand: 'Legrand' } });
    catalog.breaker = (
      await prisma.catalogItem.create({
        data: { code: 'DISJ-16A', label: 'Disjoncteur 16 A', unit: 'u', unitPriceCents: 950, vatRateBp: 2000 },
      })
    ).id;
    catalog.labour = (
      await prisma.catalogItem.create({
        data: { code: 'MO-H', label: 'Main d’œuvre électricien (heure)', unit: 'h', unitPriceCents: 5500, vatRateBp: 1000 },
      })
    ).id;
    catalog.vmc = (
      await prisma.catalogItem.create({
        data: { code: 'VMC-HYGRO', label: 'VMC hygroréglable', unit: 'u', unitPriceCents: 34900, vatRateBp: 550 },
      })
    ).id;
    await prisma.catalogItem.create({ data: { code: 'OLD', label: 'Article retiré', unit: 'u', unitPriceCents: 100, active: false } });

    gaetan = app.client();
    await gaetan.login('gaetan@duret.test', testPassword);
    const paulUser = await createTestUser(prisma, { role: 'TECHNICIAN', email: 'paul@duret.test', name: 'Paul Leroy' });
    paulTechnicianId = (await prisma.technician.findUniqueOrThrow({ where: { userId: paulUser.userId } })).id;
    paul = app.client();
    await paul.login('paul@duret.test', testPassword);
    await createTestUser(prisma, { role: 'CLIENT', email: 'marie@client.test', customerId: world.customerId });
    customer = app.client();
    await customer.login('marie@client.test', testPassword);
    await createTestUser(prisma, { role: 'ASSISTANT', email: 'claire@duret.test' });
    assistant = app.client();
    await assistant.login('claire@duret.test', testPassword);
    jobs = createJobRunner({ prisma, handlers: builtInJobHandlers({ prisma, mailer: app.mailer, files: app.files, config: app.config }) });
  });
  afterAll(async () => {
    await server.close();
    await app.close();
    await smtp.close();
  });

  /** A GraphQL multipart request (the spec's operations/map/files) over real HTTP, as the PWA sends it. */
  async function multipart(client: TestClient, query: string, variables: Record<string, unknown>, files: Record<string, Upload>) {
    const names = Object.keys(files);
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({ query, variables: { ...variables, ...Object.fromEntries(names.map((name) => [name, null])) } }),
    );
    form.append('map', JSON.stringify(Object.fromEntries(names.map((name, index) => [String(index), [`variables.${name}`]]))));
    names.forEach((name, index) => {
      const file = files[name]!;
      form.append(String(index), new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
    });
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'x-graphql-csrf': '1', 'user-agent': deviceAgent, ...(client.cookie ? { cookie: client.cookie } : {}) },
      body: form,
    });
    return (await response.json()) as GraphQLResponse<Record<string, any>>;
  }

  const step = (client: TestClient, name: 'markEnRoute' | 'clockIn' | 'clockOut', variables: Record<string, unknown>) =>
    client.request(stepMutation(name), { clientMutationId: randomUUID(), at: new Date().toISOString(), ...variables });

  function reportInput(appointmentId: string, overrides: Record<string, unknown> = {}) {
    return {
      appointmentId,
      checklistAnswers: [
        { key: 'tableau', ok: true },
        { key: 'differentiels', ok: false, comment: 'Différentiel salle de bain ne déclenche pas' },
      ],
      workDone: 'Remplacement du disjoncteur du circuit cuisine et essais.',
      materials: [
        { catalogItemId: catalog.breaker, label: 'Disjoncteur 16 A', quantity: 2, unit: 'u', unitPriceCents: 950 },
        { label: 'Câble R2V 3G2,5', quantity: 12.5, unit: 'm', unitPriceCents: 180 },
      ],
      timeSpentMinutes: 95,
      observations: 'Tableau ancien, à surveiller.',
      reservations: null,
      opportunity: false,
      opportunityNote: null,
      clientMutationId: randomUUID(),
      ...overrides,
    };
  }

  const saveReport = (client: TestClient, input: Record<string, unknown>) => client.request(saveReportMutation, { input });

  const uploadPhoto = (client: TestClient, appointmentId: string, file: Upload, variables: Record<string, unknown> = {}) =>
    multipart(
      client,
      uploadPhotoMutation,
      { appointmentId, kind: 'BEFORE', takenAt: minutesAgo(5).toISOString(), clientMutationId: randomUUID(), ...variables },
      { file },
    );

  function filesOnDisk(): number {
    const root = path.join(app.config.dataDir, 'files');
    try {
      return readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
    } catch {
      return 0;
    }
  }

  /** The hash the PWA computes over the report it shows, from what the API gave it. */
  function hashShownReport(report: any): Promise<string> {
    return reportContentHash({
      appointmentId: report.appointment.id,
      checklistAnswers: report.checklistAnswers,
      workDone: report.workDone,
      materials: report.materials.map((material: any) => ({ ...material, catalogItemId: material.catalogItem?.id ?? null })),
      timeSpentMinutes: report.timeSpentMinutes,
      observations: report.observations,
      reservations: report.reservations,
      photos: report.photos,
    });
  }

  it('serves the offline set: own appointments with customer, site, equipment and checklist, and the catalogue; an unchanged set is not sent again', async () => {
    const { prisma } = app.db;
    const yesterday = await createTestAppointment(prisma, world, { startsAt: firstStart });
    slot = Math.max(slot, 1);
    const tomorrow = await createTestAppointment(prisma, world, { startsAt: new Date(Date.now() + 24 * 3_600_000) });
    const inThreeDays = await createTestAppointment(prisma, world, { startsAt: new Date(Date.now() + 3 * 86_400_000) });
    const inNineDays = await createTestAppointment(prisma, world, { startsAt: new Date(Date.now() + 9 * 86_400_000) });
    const colleagues = await prisma.appointment.create({
      data: {
        serviceId: world.serviceId,
        technicianId: paulTechnicianId,
        siteId: world.siteId,
        customerId: world.customerId,
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 86_400_000 + 3_600_000),
        source: 'STAFF',
      },
    });

    const first = await gaetan.request(offlineSetQuery, { days: 7 });
    expect(first.errors).toBeUndefined();
    const set = first.data!.technicianOfflineSet;
    expect(Math.abs(Date.parse(set.serverTime) - Date.now())).toBeLessThan(60_000);
    const ids = set.data.appointments.map((appointment: { id: string }) => appointment.id);
    expect(ids).toEqual(expect.arrayContaining([tomorrow, inThreeDays]));
    expect(ids).not.toContain(yesterday);
    expect(ids).not.toContain(inNineDays);
    expect(ids).not.toContain(colleagues.id);
    const shown = set.data.appointments.find((appointment: { id: string }) => appointment.id === tomorrow);
    expect(shown).toMatchObject({
      status: 'CONFIRMED',
      version: 1,
      customer: { name: 'Dupont Marie', phones: ['+33612345678'], emails: ['marie.dupont@example.fr'] },
      site: {
        street: '12 rue Oberkampf',
        accessNotes: 'Digicode 4521B, 3e étage, porte gauche',
        equipment: [{ kind: 'Tableau électrique', brand: 'Legrand' }],
      },
      service: {
        checklist: [
          { key: 'tableau', label: 'Contrôle du tableau électrique' },
          { key: 'differentiels', label: 'Test des différentiels 30 mA' },
        ],
      },
      intervention: null,
    });
    expect(set.data.catalog.map((item: { code: string }) => item.code)).toEqual(['DISJ-16A', 'MO-H', 'VMC-HYGRO']);
    expect(set.data.catalog[1]).toMatchObject({ unit: 'h', unitPriceCents: 5500, vatRateBp: 1000 });

    const unchanged = await gaetan.request(offlineSetQuery, { days: 7, ifNoneMatch: set.etag });
    expect(unchanged.data!.technicianOfflineSet).toMatchObject({ etag: set.etag, data: null });

    // Equipment has no timestamp of its own: the tag still sees it change.
    await prisma.equipment.updateMany({ where: { siteId: world.siteId }, data: { brand: 'Schneider' } });
    const changed = await gaetan.request(offlineSetQuery, { days: 7, ifNoneMatch: set.etag });
    expect(changed.data!.technicianOfflineSet.etag).not.toBe(set.etag);
    expect(changed.data!.technicianOfflineSet.data.appointments[0].site.equipment[0].brand).toBe('Schneider');

    const tooLong = await gaetan.request(offlineSetQuery, { days: 40 });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      messageEn: expect.stringContaining('At most 31 days'),
    });
  });

  it('marks en route once per client mutation id, replayed in turn, at once and after a lost response; the customer sees it', async () => {
    const appointmentId = await nextAppointment();
    const variables = { appointmentId, at: minutesAgo(20).toISOString(), clientMutationId: randomUUID() };
    const concurrent = await Promise.all([1, 2, 3].map(() => gaetan.request(stepMutation('markEnRoute'), variables)));
    const replays = [];
    for (let attempt = 0; attempt < 3; attempt += 1) replays.push(await gaetan.request(stepMutation('markEnRoute'), variables));
    const results = [...concurrent, ...replays].map((result) => result.data!.markEnRoute);
    expect(new Set(results.map((result) => result.__typename))).toEqual(new Set(['MutationMarkEnRouteSuccess']));
    expect(new Set(results.map((result) => result.data.id)).size).toBe(1);
    expect(results[0].data).toMatchObject({ enRouteAt: variables.at, appointment: { status: 'EN_ROUTE', version: 1 } });
    expect(await app.db.prisma.intervention.count({ where: { appointmentId } })).toBe(1);
    expect(await app.db.prisma.idempotentMutation.count({ where: { key: { endsWith: variables.clientMutationId } } })).toBe(1);

    // The server committed, the answer was lost: the phone sends the same id again.
    const lost = { appointmentId, at: minutesAgo(10).toISOString(), clientMutationId: randomUUID() };
    await gaetan.request(stepMutation('markEnRoute'), lost);
    const again = await gaetan.request(stepMutation('markEnRoute'), lost);
    expect(again.data!.markEnRoute.data).toMatchObject({ id: results[0].data.id, enRouteAt: lost.at });
    // An older replay changes nothing any more.
    await gaetan.request(stepMutation('markEnRoute'), variables);
    const stored = await app.db.prisma.intervention.findUniqueOrThrow({ where: { appointmentId } });
    expect(stored.enRouteAt?.toISOString()).toBe(lost.at);

    const portal = await customer.request(`{ myAppointments(includePast: true) { id status enRouteAt technician { name } } }`);
    expect(portal.data!.myAppointments.find((appointment: { id: string }) => appointment.id === appointmentId)).toEqual({
      id: appointmentId,
      status: 'EN_ROUTE',
      enRouteAt: lost.at,
      technician: { name: 'Gaëtan Martin' },
    });
  });

  it('clocks in and out once per client mutation id, replayed in turn and at once; a late replay never undoes a correction', async () => {
    const appointmentId = await nextAppointment();
    for (const [name, field, minutes] of [
      ['clockIn', 'clockInAt', 50],
      ['clockOut', 'clockOutAt', 20],
    ] as const) {
      const first = { appointmentId, at: minutesAgo(minutes).toISOString(), clientMutationId: randomUUID() };
      const results = await Promise.all([1, 2, 3].map(() => gaetan.request(stepMutation(name), first)));
      for (let attempt = 0; attempt < 3; attempt += 1) results.push(await gaetan.request(stepMutation(name), first));
      const answers = new Set(results.map((result) => JSON.stringify(result.data![name])));
      expect(answers.size).toBe(1);
      expect(results[0]!.data![name].data[field]).toBe(first.at);

      const corrected = { appointmentId, at: minutesAgo(minutes - 5).toISOString(), clientMutationId: randomUUID() };
      await gaetan.request(stepMutation(name), corrected);
      await gaetan.request(stepMutation(name), first);
      const stored = await app.db.prisma.intervention.findUniqueOrThrow({ where: { appointmentId } });
      expect(stored[field]?.toISOString()).toBe(corrected.at);
      expect(await app.db.prisma.idempotentMutation.count({ where: { key: { endsWith: first.clientMutationId } } })).toBe(1);
    }
  });

  it('clocks in and out with the position; the status never goes back; implausible times are refused', async () => {
    const appointmentId = await nextAppointment();
    const clockIn = await step(gaetan, 'clockIn', {
      appointmentId,
      at: minutesAgo(60).toISOString(),
      latitude: 48.8642,
      longitude: 2.3781,
    });
    expect(clockIn.data!.clockIn.data).toMatchObject({
      clockInLatitude: 48.8642,
      clockInLongitude: 2.3781,
      appointment: { status: 'ON_SITE' },
    });
    const lateEnRoute = await step(gaetan, 'markEnRoute', { appointmentId, at: minutesAgo(90).toISOString() });
    expect(lateEnRoute.data!.markEnRoute.data).toMatchObject({ enRouteAt: expect.any(String), appointment: { status: 'ON_SITE' } });

    const beforeArrival = await step(gaetan, 'clockOut', { appointmentId, at: minutesAgo(70).toISOString() });
    expect(beforeArrival.data!.clockOut).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'at' }] });
    const future = await step(gaetan, 'clockOut', { appointmentId, at: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.data!.clockOut).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'at', messageFr: expect.stringContaining('futur'), messageEn: expect.stringContaining('future') }],
    });
    const appointment = await app.db.prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
    const longBefore = await step(gaetan, 'clockIn', {
      appointmentId,
      at: new Date(appointment.startsAt.getTime() - 3 * 86_400_000).toISOString(),
    });
    expect(longBefore.data!.clockIn).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'at', messageEn: expect.stringContaining('day before') }],
    });
    const halfPosition = await step(gaetan, 'clockOut', { appointmentId, latitude: 48.86 });
    expect(halfPosition.data!.clockOut).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'latitude' }] });

    const clockOut = await step(gaetan, 'clockOut', { appointmentId, at: minutesAgo(1).toISOString() });
    expect(clockOut.data!.clockOut.data).toMatchObject({ clockOutAt: expect.any(String), appointment: { status: 'DONE' } });
    const stored = await app.db.prisma.intervention.findUniqueOrThrow({ where: { appointmentId } });
    expect(stored.clockInAt!.getTime()).toBeLessThan(stored.clockOutAt!.getTime());
  });

  it('lets the office win on the schedule: a move since the phone’s version and a cancellation are reported back', async () => {
    const appointmentId = await nextAppointment();
    const before = await app.db.prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
    const moved = await assistant.request(
      `mutation($id: ID!, $technicianId: ID!, $startsAt: DateTime!) {
        moveAppointment(id: $id, technicianId: $technicianId, startsAt: $startsAt, expectedVersion: 1) { __typename ... on Error { code messageEn } }
      }`,
      { id: appointmentId, technicianId: world.technicianId, startsAt: new Date(before.startsAt.getTime() + 30 * 60_000).toISOString() },
    );
    expect(moved.data!.moveAppointment.__typename).toBe('MutationMoveAppointmentSuccess');

    const clockIn = await step(gaetan, 'clockIn', { appointmentId, baseVersion: 1 });
    expect(clockIn.data!.clockIn).toMatchObject({
      __typename: 'AppointmentMovedError',
      code: 'APPOINTMENT_MOVED',
      appointment: { id: appointmentId, version: 2, startsAt: new Date(before.startsAt.getTime() + 30 * 60_000).toISOString() },
    });
    expect(await app.db.prisma.intervention.count({ where: { appointmentId } })).toBe(0);
    const withFreshVersion = await step(gaetan, 'clockIn', { appointmentId, baseVersion: 2 });
    expect(withFreshVersion.data!.clockIn.__typename).toBe('MutationClockInSuccess');

    // The report's content is the technician's: saved, and the new schedule comes back with it.
    const saved = await saveReport(gaetan, reportInput(appointmentId, { baseVersion: 1 }));
    expect(saved.data!.saveInterventionReport).toMatchObject({ data: { appointment: { version: 2 }, workDone: expect.any(String) } });

    const cancelled = await assistant.request(`mutation($id: ID!) { cancelAppointment(id: $id) { __typename } }`, { id: appointmentId });
    expect(cancelled.data!.cancelAppointment.__typename).toBe('MutationCancelAppointmentSuccess');
    const enRoute = await step(gaetan, 'markEnRoute', { appointmentId });
    expect(enRoute.data!.markEnRoute).toMatchObject({
      __typename: 'AppointmentCancelledError',
      messageFr: 'Le bureau a annulé ce rendez-vous : rien n’a été enregistré.',
      appointment: { id: appointmentId, status: 'CANCELLED' },
    });
    const report = await saveReport(gaetan, reportInput(appointmentId, { workDone: 'Changé' }));
    expect(report.data!.saveInterventionReport).toMatchObject({ code: 'APPOINTMENT_CANCELLED' });
    expect((await app.db.prisma.intervention.findUniqueOrThrow({ where: { appointmentId } })).workDone).not.toBe('Changé');
  });

  it('lets only the appointment’s own technician act on it', async () => {
    const appointmentId = await nextAppointment();
    const { prisma } = app.db;
    const interventions = await prisma.intervention.count();
    const files = filesOnDisk();

    const enRoute = await step(paul, 'markEnRoute', { appointmentId });
    expect(enRoute.data!.markEnRoute).toMatchObject({ __typename: 'NotAssignedError', code: 'NOT_ASSIGNED' });
    expect((await saveReport(paul, reportInput(appointmentId))).data!.saveInterventionReport.code).toBe('NOT_ASSIGNED');
    const photo = await uploadPhoto(paul, appointmentId, { content: await image('jpeg'), name: 'photo.jpg', type: 'image/jpeg' });
    expect(photo.data!.uploadInterventionPhoto.code).toBe('NOT_ASSIGNED');
    const signed = await multipart(
      paul,
      signMutation,
      { appointmentId, signerName: 'X', signedAt: new Date().toISOString(), contentHash: '0'.repeat(64), clientMutationId: randomUUID() },
      { signature: { content: await signaturePng(), name: 'signature.png', type: 'image/png' } },
    );
    expect(signed.data!.signInterventionReport.code).toBe('NOT_ASSIGNED');
    const quote = await paul.request(createQuoteMutation, {
      input: {
        appointmentId,
        lines: [{ label: 'Prise', quantity: 1, unit: 'u', unitPriceCents: 690, vatRateBp: 2000 }],
        validityDays: 30,
        clientMutationId: randomUUID(),
      },
    });
    expect(quote.data!.createOnSiteQuote.code).toBe('NOT_ASSIGNED');

    for (const client of [customer, assistant]) {
      expect((await step(client, 'markEnRoute', { appointmentId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await client.request(offlineSetQuery, {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const customerPhoto = await uploadPhoto(customer, appointmentId, {
      content: await image('jpeg'),
      name: 'photo.jpg',
      type: 'image/jpeg',
    });
    expect(customerPhoto.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await prisma.intervention.count()).toBe(interventions);
    expect(filesOnDisk()).toBe(files);
  });

  it('saves the report (the last write wins) and opens exactly one opportunity ticket, whatever the replays', async () => {
    const appointmentId = await nextAppointment();
    const { prisma } = app.db;
    const first = reportInput(appointmentId, {
      opportunity: true,
      opportunityNote: 'Tableau vétuste : le client veut un devis de remplacement.',
    });
    const results = await Promise.all([1, 2, 3].map(() => saveReport(gaetan, first)));
    for (let attempt = 0; attempt < 3; attempt += 1) results.push(await saveReport(gaetan, first));
    expect(new Set(results.map((result) => result.data!.saveInterventionReport.data.id)).size).toBe(1);
    const saved = results[0]!.data!.saveInterventionReport.data;
    expect(saved).toMatchObject({
      reportStatus: 'DRAFT',
      opportunity: true,
      checklistAnswers: expect.arrayContaining([
        { key: 'differentiels', ok: false, comment: 'Différentiel salle de bain ne déclenche pas' },
      ]),
      materials: expect.arrayContaining([
        { catalogItem: { id: catalog.breaker }, label: 'Disjoncteur 16 A', quantity: 2, unit: 'u', unitPriceCents: 950 },
      ]),
    });
    const opportunityTickets = () => prisma.ticket.findMany({ where: { customerId: world.customerId, category: 'OPPORTUNITY' } });
    expect(await opportunityTickets()).toHaveLength(1);
    expect((await opportunityTickets())[0]).toMatchObject({
      source: 'TECHNICIAN',
      status: 'NEW',
      siteId: world.siteId,
      description: expect.stringContaining('Tableau vétuste'),
    });

    // A later save from the phone replaces the content; the opportunity still has one ticket.
    const second = reportInput(appointmentId, {
      opportunity: true,
      opportunityNote: 'Tableau vétuste.',
      workDone: 'Recherche de panne, remise en service.',
      materials: [
        { catalogItemId: catalog.labour, label: 'Main d’œuvre électricien (heure)', quantity: 1.5, unit: 'h', unitPriceCents: 5500 },
      ],
    });
    await saveReport(gaetan, second);
    const lostAnswer = await saveReport(gaetan, second);
    expect(lostAnswer.data!.saveInterventionReport.data).toMatchObject({
      id: saved.id,
      workDone: 'Recherche de panne, remise en service.',
      materials: [{ label: 'Main d’œuvre électricien (heure)', quantity: 1.5 }],
    });
    expect(await prisma.interventionMaterial.count({ where: { interventionId: saved.id } })).toBe(1);
    expect(await opportunityTickets()).toHaveLength(1);

    const unknownItem = await saveReport(
      gaetan,
      reportInput(appointmentId, { materials: [{ catalogItemId: 'nope', label: 'X', quantity: 1, unit: 'u', unitPriceCents: 1 }] }),
    );
    expect(unknownItem.data!.saveInterventionReport.code).toBe('NOT_FOUND');
    const twice = await saveReport(
      gaetan,
      reportInput(appointmentId, {
        checklistAnswers: [
          { key: 'tableau', ok: true },
          { key: 'tableau', ok: false },
        ],
      }),
    );
    expect(twice.data!.saveInterventionReport).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'checklistAnswers' }] });
  });

  it('accepts JPEG, PNG and WebP photos by their bytes and refuses a renamed HTML page or an oversize file, writing nothing', async () => {
    const appointmentId = await nextAppointment();
    const { prisma } = app.db;
    const counts = async () => ({ files: filesOnDisk(), storedFiles: await prisma.storedFile.count(), photos: await prisma.photo.count() });
    const before = await counts();

    const html = Buffer.from('<!doctype html><html><body><script>fetch("/graphql")</script></body></html>');
    const renamed = await uploadPhoto(gaetan, appointmentId, { content: html, name: 'IMG_2041.jpg', type: 'image/jpeg' });
    expect(renamed.data!.uploadInterventionPhoto).toEqual({
      __typename: 'UnsupportedFileTypeError',
      code: 'UNSUPPORTED_FILE_TYPE',
      messageFr: 'Ce fichier n’est pas une image acceptée (formats : JPEG, PNG, WEBP), quel que soit son nom.',
      messageEn: 'This file is not an accepted image (formats: JPEG, PNG, WEBP), whatever its name.',
      accepted: ['jpeg', 'png', 'webp'],
    });
    const disguised = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html]);
    expect(
      (await uploadPhoto(gaetan, appointmentId, { content: disguised, name: 'a.jpg', type: 'image/jpeg' })).data!.uploadInterventionPhoto
        .code,
    ).toBe('UNSUPPORTED_FILE_TYPE');
    const oversize = Buffer.concat([await image('jpeg'), Buffer.alloc(10_000_001)]);
    expect(
      (await uploadPhoto(gaetan, appointmentId, { content: oversize, name: 'big.jpg', type: 'image/jpeg' })).data!.uploadInterventionPhoto,
    ).toMatchObject({
      code: 'FILE_TOO_LARGE',
      maxBytes: 10_000_000,
      messageFr: 'Fichier trop volumineux : 10 Mo au maximum.',
      messageEn: 'File too large: 10 MB at most.',
    });
    // Far beyond the limit, the request is cut off while it is read.
    const huge = await uploadPhoto(gaetan, appointmentId, { content: Buffer.alloc(13_000_000), name: 'huge.jpg', type: 'image/jpeg' });
    expect(huge.errors?.[0]?.message).toMatch(/File size limit exceeded/);
    const future = await uploadPhoto(
      gaetan,
      appointmentId,
      { content: await image('jpeg'), name: 'a.jpg', type: 'image/jpeg' },
      {
        takenAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    );
    expect(future.data!.uploadInterventionPhoto.code).toBe('VALIDATION_FAILED');
    expect(await counts()).toEqual(before);

    const form = new FormData();
    form.append('operations', JSON.stringify({ query: uploadPhotoMutation, variables: {} }));
    const withoutCsrfHeader = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { cookie: gaetan.cookie! }, body: form });
    expect(withoutCsrfHeader.status).toBeGreaterThanOrEqual(400);

    const jpeg = await image('jpeg');
    const variables = {
      kind: 'BEFORE',
      latitude: 48.8642,
      longitude: 2.3781,
      clientMutationId: randomUUID(),
      takenAt: minutesAgo(30).toISOString(),
    };
    const uploads = await Promise.all(
      [1, 2, 3].map(() => uploadPhoto(gaetan, appointmentId, { content: jpeg, name: 'IMG_2042.JPG', type: 'image/jpeg' }, variables)),
    );
    uploads.push(await uploadPhoto(gaetan, appointmentId, { content: jpeg, name: 'IMG_2042.JPG', type: 'image/jpeg' }, variables));
    expect(new Set(uploads.map((upload) => upload.data!.uploadInterventionPhoto.data.id)).size).toBe(1);
    expect(uploads[0]!.data!.uploadInterventionPhoto.data).toMatchObject({
      kind: 'BEFORE',
      takenAt: variables.takenAt,
      latitude: 48.8642,
      sha256: sha256(jpeg),
      mimeType: 'image/jpeg',
      sizeBytes: jpeg.length,
    });
    // A PNG sent as "image/jpeg" is taken for what it is.
    const png = await uploadPhoto(
      gaetan,
      appointmentId,
      { content: await image('png'), name: 'after.jpg', type: 'image/jpeg' },
      { kind: 'AFTER' },
    );
    expect(png.data!.uploadInterventionPhoto.data).toMatchObject({ kind: 'AFTER', mimeType: 'image/png' });
    const webp = await uploadPhoto(
      gaetan,
      appointmentId,
      { content: await image('webp'), name: 'other.webp', type: 'image/webp' },
      { kind: 'OTHER' },
    );
    expect(webp.data!.uploadInterventionPhoto.data).toMatchObject({ kind: 'OTHER', mimeType: 'image/webp' });
    expect(await counts()).toEqual({ files: before.files + 3, storedFiles: before.storedFiles + 3, photos: before.photos + 3 });
    const stored = await prisma.storedFile.findMany({
      where: { photos: { some: { intervention: { appointmentId } } } },
      orderBy: { createdAt: 'asc' },
    });
    expect(stored.map((file) => file.fileName)).toEqual(['IMG_2042.jpg', 'after.png', 'other.webp']);
  });

  it('signs the report against the hash of what the customer saw, keeps the evidence, and e-mails the PDF with photos and signature', async () => {
    const appointmentId = await nextAppointment();
    const { prisma } = app.db;
    // The office's moves and cancellations above queued e-mails of their own.
    await jobs.runOnce();
    await step(gaetan, 'markEnRoute', { appointmentId, at: minutesAgo(120).toISOString() });
    const clockInAt = minutesAgo(100);
    await step(gaetan, 'clockIn', { appointmentId, at: clockInAt.toISOString(), latitude: 48.8642, longitude: 2.3781 });
    await saveReport(gaetan, reportInput(appointmentId, { reservations: 'Le client émet une réserve sur la propreté du chantier.' }));
    const before = await image('jpeg', '#2980b9');
    const after = await image('png', '#27ae60');
    await uploadPhoto(
      gaetan,
      appointmentId,
      { content: before, name: 'avant.jpg', type: 'image/jpeg' },
      { kind: 'BEFORE', takenAt: minutesAgo(95).toISOString() },
    );
    await uploadPhoto(
      gaetan,
      appointmentId,
      { content: after, name: 'apres.png', type: 'image/png' },
      { kind: 'AFTER', takenAt: minutesAgo(10).toISOString() },
    );
    const clockOutAt = minutesAgo(5);
    await step(gaetan, 'clockOut', { appointmentId, at: clockOutAt.toISOString() });

    // What the phone shows the customer, and the hash it computes over it.
    const shown = (
      await saveReport(gaetan, reportInput(appointmentId, { reservations: 'Le client émet une réserve sur la propreté du chantier.' }))
    ).data!.saveInterventionReport.data;
    const contentHash = await hashShownReport(shown);
    expect(contentHash).toBe(shown.contentHash);

    const signature = await signaturePng();
    const sign = (variables: Record<string, unknown>, file: Upload = { content: signature, name: 'signature.png', type: 'image/png' }) =>
      multipart(
        gaetan,
        signMutation,
        {
          appointmentId,
          signerName: 'Marie Dupont',
          signedAt: minutesAgo(3).toISOString(),
          contentHash,
          clientMutationId: randomUUID(),
          ...variables,
        },
        { signature: file },
      );

    const stale = await sign({ contentHash: await hashShownReport({ ...shown, workDone: 'Autre chose' }) });
    expect(stale.data!.signInterventionReport).toMatchObject({
      __typename: 'ContentChangedError',
      code: 'CONTENT_CHANGED',
      messageEn: 'The content changed since it was shown to the customer: have them review and sign it again.',
      currentHash: contentHash,
    });
    const notPng = await sign({}, { content: await image('jpeg'), name: 'signature.png', type: 'image/png' });
    expect(notPng.data!.signInterventionReport).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', accepted: ['png'] });

    const signedAt = minutesAgo(3).toISOString();
    const once = { signedAt, clientMutationId: randomUUID() };
    const signatures = await Promise.all([1, 2, 3].map(() => sign(once)));
    signatures.push(await sign(once));
    expect(signatures.map((result) => result.data!.signInterventionReport.data)).toEqual(
      Array(4).fill({ id: shown.id, reportStatus: 'SIGNED', signerName: 'Marie Dupont', signedAt, signedContentHash: contentHash }),
    );
    const stored = await prisma.intervention.findUniqueOrThrow({
      where: { id: shown.id },
      select: {
        ...reportContentSelect,
        signerIp: true,
        signerUserAgent: true,
        signedContentHash: true,
        signatureFile: { select: { sha256: true, mimeType: true } },
      },
    });
    expect(stored).toMatchObject({ signerUserAgent: deviceAgent, signatureFile: { sha256: sha256(signature), mimeType: 'image/png' } });
    expect(stored.signerIp).toEqual(expect.any(String));
    // The evidence: the signed hash is the hash of the content as stored.
    expect(await reportContentHash(storedReportContent(stored))).toBe(stored.signedContentHash);
    expect(await prisma.auditLog.count({ where: { action: 'intervention.sign', entityId: shown.id } })).toBe(1);
    expect(
      await prisma.scheduledAction.count({ where: { kind: 'intervention.report', payload: { equals: { interventionId: shown.id } } } }),
    ).toBe(1);

    expect((await sign({})).data!.signInterventionReport.code).toBe('REPORT_SIGNED');
    expect((await saveReport(gaetan, reportInput(appointmentId))).data!.saveInterventionReport.code).toBe('REPORT_SIGNED');
    expect(
      (await uploadPhoto(gaetan, appointmentId, { content: before, name: 'a.jpg', type: 'image/jpeg' })).data!.uploadInterventionPhoto.code,
    ).toBe('REPORT_SIGNED');

    const received = smtp.received.length;
    await jobs.runOnce();
    expect(smtp.received).toHaveLength(received + 1);
    const mail = await simpleParser(smtp.received.at(-1)!);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('marie.dupont@example.fr');
    expect(mail.subject).toMatch(/^Rapport d’intervention du \d{2}\/\d{2}\/\d{4} – Duret Électricité$/);
    expect(mail.text).toContain('signé par Marie Dupont');
    const attachment = mail.attachments.find((candidate) => candidate.contentType === 'application/pdf');
    expect(attachment?.filename).toMatch(/^rapport-intervention-\d{4}-\d{2}-\d{2}\.pdf$/);

    const pdf = await readPdf(attachment!.content);
    expect(pdf.images).toBe(3);
    for (const mention of [
      'Duret Électricité',
      'SARL',
      'SIRET : 48231654400014',
      'N° TVA intracommunautaire : FR62482316544',
      'Dupont Marie',
      '12 rue Oberkampf, 75011 Paris',
      'Gaëtan Martin',
      `Arrivée sur site : ${new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(clockInAt)} à ${parisTime.format(clockInAt)} – 48.86420, 2.37810`,
      `à ${parisTime.format(clockOutAt)}`,
      'Contrôle du tableau électrique Conforme',
      'Test des différentiels 30 mA Non conforme Différentiel salle de bain ne déclenche pas',
      'Remplacement du disjoncteur du circuit cuisine et essais.',
      'Disjoncteur 16 A 2 u 9,50 € 19,00 €',
      'Câble R2V 3G2,5 12,5 m 1,80 € 22,50 €',
      'Total matériel HT 41,50 €',
      'Temps passé déclaré : 1 h 35',
      'Le client émet une réserve sur la propreté du chantier.',
      'Avant –',
      'Après –',
      'Signataire : Marie Dupont',
      contentHash,
      sha256(signature),
      `Appareil : ${deviceAgent}`,
      'article 1367 du Code civil',
    ]) {
      expect(pdf.text, mention).toContain(mention);
    }

    const delivered = await prisma.intervention.findUniqueOrThrow({
      where: { id: shown.id },
      select: {
        reportStatus: true,
        reportDocument: { select: { kind: true, visibleToCustomer: true, customerId: true, file: { select: { sha256: true } } } },
      },
    });
    expect(delivered).toEqual({
      reportStatus: 'SENT',
      reportDocument: {
        kind: 'INTERVENTION_REPORT',
        visibleToCustomer: true,
        customerId: world.customerId,
        file: { sha256: sha256(attachment!.content) },
      },
    });
    expect(await prisma.emailMessage.count({ where: { customerId: world.customerId, status: 'SENT', subject: mail.subject! } })).toBe(1);
    // Delivered once: running the jobs again sends nothing.
    await jobs.runOnce();
    expect(smtp.received).toHaveLength(received + 1);
  });

  describe('on-site quotes', () => {
    const lines = () => [
      { catalogItemId: catalog.breaker, label: 'Disjoncteur 16 A', quantity: 3, unit: 'u', unitPriceCents: 950, vatRateBp: 2000 },
      {
        catalogItemId: catalog.labour,
        label: 'Main d’œuvre électricien (heure)',
        quantity: 2.5,
        unit: 'h',
        unitPriceCents: 5500,
        vatRateBp: 1000,
      },
      { catalogItemId: catalog.vmc, label: 'VMC hygroréglable', quantity: 1, unit: 'u', unitPriceCents: 34900, vatRateBp: 550 },
      { label: 'Câble R2V 3G1,5', quantity: 12.345, unit: 'm', unitPriceCents: 123, vatRateBp: 2000 },
    ];
    let appointmentId: string;
    let quote: any;

    beforeAll(async () => {
      appointmentId = await nextAppointment();
    });

    const createQuote = (input: Record<string, unknown>) => gaetan.request(createQuoteMutation, { input });

    it('numbers a quote DEV-<year>-<n> without gaps, once per client mutation id, priced per line with VAT per rate, and shows it to the office at once', async () => {
      const { prisma } = app.db;
      const events = app.hub.subscribe('customerChanged')[Symbol.asyncIterator]();
      const nextEvent = events.next();
      const input = { appointmentId, lines: lines(), travelCostCents: 3500, validityDays: 30, clientMutationId: randomUUID() };
      const results = await Promise.all([1, 2, 3].map(() => createQuote(input)));
      results.push(await createQuote(input));
      expect(new Set(results.map((result) => result.data!.createOnSiteQuote.data.id)).size).toBe(1);
      quote = results[0]!.data!.createOnSiteQuote.data;
      expect((await nextEvent).value).toEqual({ customerId: world.customerId });
      await events.return?.();

      const year = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date());
      expect(quote.number).toMatch(new RegExp(`^DEV-${year}-\\d{5}$`));
      // 3 × 9,50 = 28,50 | 2,5 × 55 = 137,50 | 349,00 | 12,345 × 1,23 = 15,18435 → 15,18 (HT, per line);
      // travel follows the main part's rate (5.5 %); VAT once per rate: 20 % of 43,68 = 8,736 → 8,74.
      expect(quote).toMatchObject({
        status: 'SENT',
        isFree: true,
        travelCostCents: 3500,
        totalHtCents: 56518,
        totalVatCents: 874 + 1375 + 2112,
        totalTtcCents: 56518 + 4361,
        vatByRate: [
          { vatRateBp: 2000, baseHtCents: 4368, vatCents: 874 },
          { vatRateBp: 1000, baseHtCents: 13750, vatCents: 1375 },
          { vatRateBp: 550, baseHtCents: 38400, vatCents: 2112 },
        ],
        lines: [
          { position: 1, totalHtCents: 2850, catalogItem: { id: catalog.breaker } },
          { position: 2, totalHtCents: 13750, quantity: 2.5 },
          { position: 3, totalHtCents: 34900 },
          { position: 4, totalHtCents: 1518, quantity: 12.345, catalogItem: null },
        ],
        vatAttestation: expect.stringMatching(/279-0 bis du CGI.*278-0 bis A du CGI/),
      });
      expect(Date.parse(quote.validUntil) - Date.parse(`${quote.createdAt.slice(0, 10)}T00:00:00Z`)).toBeGreaterThanOrEqual(
        29 * 86_400_000,
      );

      const office = await assistant.request(`query($id: ID!) { customer(id: $id) { quotes { number status totalTtcCents } } }`, {
        id: world.customerId,
      });
      expect(office.data!.customer.quotes).toContainEqual({ number: quote.number, status: 'SENT', totalTtcCents: 60879 });

      // The next quote takes the next number.
      const next = await createQuote({ appointmentId, lines: [lines()[0]], validityDays: 15, clientMutationId: randomUUID() });
      const [, yearPart, sequence] = /^DEV-(\d{4})-(\d{5})$/.exec(quote.number)!;
      expect(next.data!.createOnSiteQuote.data.number).toBe(`DEV-${yearPart}-${String(Number(sequence) + 1).padStart(5, '0')}`);
      expect(next.data!.createOnSiteQuote.data.vatAttestation).toBeNull();
      expect(
        (await prisma.numberSequence.findUniqueOrThrow({ where: { name_year: { name: 'quote', year: Number(yearPart) } } })).value,
      ).toBe(Number(sequence) + 1);

      const badRate = await createQuote({
        appointmentId,
        lines: [{ ...lines()[0], vatRateBp: 700 }],
        validityDays: 30,
        clientMutationId: randomUUID(),
      });
      expect(badRate.data!.createOnSiteQuote).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'lines.0.vatRateBp' }] });
      const noLine = await createQuote({ appointmentId, lines: [], validityDays: 30, clientMutationId: randomUUID() });
      expect(noLine.data!.createOnSiteQuote).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'lines' }] });
    });

    it('makes the quote’s PDF with every mandatory mention', async () => {
      await jobs.runOnce();
      const document = await app.db.prisma.document.findFirstOrThrow({
        where: { quoteId: quote.id },
        select: { kind: true, title: true, visibleToCustomer: true, file: { select: { storageKey: true, mimeType: true } } },
      });
      expect(document).toMatchObject({
        kind: 'QUOTE',
        title: `Devis ${quote.number}`,
        visibleToCustomer: true,
        file: { mimeType: 'application/pdf' },
      });
      const pdf = await readPdf(await app.files.read(document.file.storageKey));
      for (const mention of [
        `Devis n° ${quote.number}`,
        'Duret Électricité',
        'SARL',
        '27 rue de la Roquette, 75011 Paris',
        'SIRET : 48231654400014',
        'N° TVA intracommunautaire : FR62482316544',
        'Client : Dupont Marie',
        'Adresse des travaux : 12 rue Oberkampf, 75011 Paris',
        'Date :',
        'Valable jusqu’au :',
        'Disjoncteur 16 A 3 u 9,50 € 20 % 28,50 €',
        'Main d’œuvre électricien (heure) 2,5 h 55,00 € 10 % 137,50 €',
        'VMC hygroréglable 1 u 349,00 € 5,5 % 349,00 €',
        'Câble R2V 3G1,5 12,345 m 1,23 € 20 % 15,18 €',
        'Frais de déplacement : 35,00 € HT (TVA 5,5 %)',
        'Total HT 565,18 €',
        'TVA 20 % sur 43,68 € 8,74 €',
        'TVA 10 % sur 137,50 € 13,75 €',
        'TVA 5,5 % sur 384,00 € 21,12 €',
        'Total TTC 608,79 €',
        'Devis gratuit.',
        'Durée de validité de l’offre : 30 jours',
        'article 279-0 bis du CGI',
        'article 278-0 bis A du CGI',
        'Bon pour travaux',
      ]) {
        expect(pdf.text, mention).toContain(mention);
      }
      expect(pdf.images).toBe(0);
    });

    it('accepts the quote on site ("Bon pour travaux") bound to the hash of the content shown, once, with its evidence and signed PDF', async () => {
      const { prisma } = app.db;
      // The phone hashes the quote it shows from what it drew up and what the API returned.
      const appointment = await prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
      const contentHash = await quoteContentHash({
        customerId: appointment.customerId,
        siteId: appointment.siteId,
        validityDays: 30,
        draft: { lines: lines(), travelCostCents: 3500, vatAttestation: quote.vatAttestation },
      });
      expect(contentHash).toBe(quote.contentHash);

      const signature = await signaturePng();
      const accept = (client: TestClient, variables: Record<string, unknown>) =>
        multipart(
          client,
          acceptQuoteMutation,
          {
            quoteId: quote.id,
            signerName: 'Marie Dupont',
            acceptedAt: minutesAgo(2).toISOString(),
            contentHash,
            clientMutationId: randomUUID(),
            ...variables,
          },
          { signature: { content: signature, name: 'signature.png', type: 'image/png' } },
        );
      expect((await accept(paul, {})).data!.acceptQuoteOnSite.code).toBe('NOT_ASSIGNED');
      const changed = await accept(gaetan, {
        contentHash: await quoteContentHash({
          customerId: appointment.customerId,
          siteId: appointment.siteId,
          validityDays: 45,
          draft: { lines: lines(), travelCostCents: 3500 },
        }),
      });
      expect(changed.data!.acceptQuoteOnSite).toMatchObject({ code: 'CONTENT_CHANGED', currentHash: contentHash });

      const acceptedAt = minutesAgo(2).toISOString();
      const once = { acceptedAt, clientMutationId: randomUUID() };
      const results = await Promise.all([1, 2, 3].map(() => accept(gaetan, once)));
      results.push(await accept(gaetan, once));
      for (const result of results) {
        expect(result.data!.acceptQuoteOnSite.data).toMatchObject({
          id: quote.id,
          status: 'ACCEPTED',
          acceptedAt,
          acceptedByName: 'Marie Dupont',
          acceptedHash: contentHash,
        });
      }
      const stored = await prisma.quote.findUniqueOrThrow({
        where: { id: quote.id },
        select: { acceptedIp: true, acceptedUserAgent: true, signatureFile: { select: { sha256: true } } },
      });
      expect(stored).toMatchObject({
        acceptedIp: expect.any(String),
        acceptedUserAgent: deviceAgent,
        signatureFile: { sha256: sha256(signature) },
      });
      expect(await prisma.auditLog.count({ where: { action: 'quote.accept', entityId: quote.id } })).toBe(1);
      expect((await accept(gaetan, {})).data!.acceptQuoteOnSite).toMatchObject({
        code: 'QUOTE_CLOSED',
        messageEn: 'This quote is already accepted.',
      });

      await jobs.runOnce();
      const signed = await prisma.document.findFirstOrThrow({
        where: { quoteId: quote.id, title: { contains: 'signé' } },
        select: { visibleToCustomer: true, file: { select: { storageKey: true } } },
      });
      expect(signed.visibleToCustomer).toBe(true);
      const pdf = await readPdf(await app.files.read(signed.file.storageKey));
      expect(pdf.images).toBe(1);
      for (const mention of [
        'Bon pour travaux. Devis reçu avant l’exécution des travaux, lu et accepté.',
        'Signataire : Marie Dupont',
        contentHash,
        `Appareil : ${deviceAgent}`,
      ]) {
        expect(pdf.text, mention).toContain(mention);
      }
      const portal = await customer.request(`query($id: ID!) { customer(id: $id) { quotes { number status documents { kind title } } } }`, {
        id: world.customerId,
      });
      expect(portal.data!.customer.quotes.find((candidate: { number: string }) => candidate.number === quote.number)).toEqual({
        number: quote.number,
        status: 'ACCEPTED',
        documents: [
          { kind: 'QUOTE', title: `Devis ${quote.number}` },
          { kind: 'QUOTE', title: `Devis ${quote.number} – bon pour travaux signé` },
        ],
      });
    });
  });
});
