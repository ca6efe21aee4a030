// The technician's outbox replayed against a real server process on loopback (issue 5):
// 50 queued mutations, 20 of them ~2 MB photos, sent in order as the PWA does, with the
// server's peak memory read from the kernel (VmHWM) before and after.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ms, startServer } from './measure.ts';

const photoCount = 20;
const visits = 5;
const port = 4620;

interface Visit {
  id: string;
  version: number;
  checklist: string[];
}

/** A photo-like JPEG of about 2 MB: random noise compresses as badly as a real picture. */
async function photo(seed: number): Promise<Buffer> {
  const width = 1920;
  const height = 1440;
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed;
  for (let index = 0; index < pixels.length; index += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    pixels[index] = state >> 23;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** Peak and current resident memory of a process, in MiB. */
function memoryOf(pid: number): { peak: number; current: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peak: kib('VmHWM') / 1024, current: kib('VmRSS') / 1024 };
}

export async function syncSection(): Promise<string[]> {
  const photos = await Promise.all(Array.from({ length: photoCount }, (_, index) => photo(index + 1)));
  const env = {
    RELAIS_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'relais-bench-sync-')),
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    NODE_ENV: undefined,
  };
  // The first start loads the demo data; the sync is measured on a warm start, whose peak memory is its own.
  await (await startServer('main/server.ts', port, env, '/health')).stop();
  const server = await startServer('main/server.ts', port, env, '/health');
  try {
    const graphqlUrl = `${server.url}/graphql`;
    const login = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(email: "technicien@demo.relais.fr", password: "demo1234") { __typename } }' }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error('technician login failed');
    const send = async (body: BodyInit, json: boolean) => {
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: json ? { 'content-type': 'application/json', cookie } : { 'x-graphql-csrf': '1', cookie },
        body,
      });
      const result = (await response.json()) as { data?: Record<string, { __typename: string }>; errors?: unknown };
      const outcome = result.data && Object.values(result.data)[0];
      if (!outcome || !outcome.__typename.endsWith('Success')) throw new Error(`refused: ${JSON.stringify(result)}`);
    };
    const mutate = (query: string, variables: Record<string, unknown>) => send(JSON.stringify({ query, variables }), true);

    const offline = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        query: '{ technicianOfflineSet(days: 7) { data { appointments { id status version startsAt service { checklist { key } } } } } }',
      }),
    });
    const { data } = (await offline.json()) as {
      data: {
        technicianOfflineSet: {
          data: {
            appointments: { id: string; status: string; version: number; startsAt: string; service: { checklist: { key: string }[] } }[];
          };
        };
      };
    };
    const chosen: Visit[] = data.technicianOfflineSet.data.appointments
      .filter((appointment) => appointment.status === 'CONFIRMED')
      .slice(0, visits)
      .map((appointment) => ({
        id: appointment.id,
        version: appointment.version,
        checklist: appointment.service.checklist.map((item) => item.key),
      }));
    if (chosen.length < visits) throw new Error(`only ${chosen.length} confirmed visits in the offline set`);

    const before = memoryOf(server.process.pid!);
    let mutations = 0;
    let uploadedBytes = 0;
    const startedAt = performance.now();
    for (const [visitIndex, visit] of chosen.entries()) {
      const at = new Date().toISOString();
      const step = (name: 'markEnRoute' | 'clockIn' | 'clockOut') =>
        mutate(
          `mutation($id: ID!, $at: DateTime!, $key: String!) { ${name}(appointmentId: $id, at: $at, clientMutationId: $key) { __typename } }`,
          { id: visit.id, at: new Date().toISOString(), key: randomUUID() },
        );
      await step('markEnRoute');
      await step('clockIn');
      mutations += 2;
      // The report is saved as the technician goes: three snapshots, each replacing the previous.
      for (let save = 1; save <= 3; save += 1) {
        await mutate('mutation($input: SaveInterventionReportInput!) { saveInterventionReport(input: $input) { __typename } }', {
          input: {
            appointmentId: visit.id,
            checklistAnswers: visit.checklist.slice(0, save * 2).map((key) => ({ key, ok: true })),
            workDone: `Étape ${save} : contrôle et remise en service.`,
            materials: [{ label: 'Disjoncteur 16 A', quantity: save, unit: 'u', unitPriceCents: 950 }],
            timeSpentMinutes: 20 * save,
            opportunity: false,
            clientMutationId: randomUUID(),
          },
        });
        mutations += 1;
      }
      for (let index = 0; index < photoCount / visits; index += 1) {
        const file = photos[visitIndex * (photoCount / visits) + index]!;
        const form = new FormData();
        form.append(
          'operations',
          JSON.stringify({
            query:
              'mutation($id: ID!, $file: File!, $kind: PhotoKind!, $takenAt: DateTime!, $key: String!) { uploadInterventionPhoto(appointmentId: $id, file: $file, kind: $kind, takenAt: $takenAt, clientMutationId: $key) { __typename } }',
            variables: { id: visit.id, file: null, kind: index < 2 ? 'BEFORE' : 'AFTER', takenAt: at, key: randomUUID() },
          }),
        );
        form.append('map', JSON.stringify({ 0: ['variables.file'] }));
        form.append('0', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), `photo-${index}.jpg`);
        await send(form, false);
        mutations += 1;
        uploadedBytes += file.length;
      }
      await step('clockOut');
      mutations += 1;
    }
    const seconds = (performance.now() - startedAt) / 1000;
    const after = memoryOf(server.process.pid!);
    return [
      '## Outbox sync (issue 5)',
      '',
      `${mutations} queued mutations replayed in order against a warm-started server process on loopback (embedded PGlite, demo data):`,
      `${visits} visits × (en route, clock-in, 3 report saves, ${photoCount / visits} photos, clock-out); ${photoCount} photos of`,
      `${(uploadedBytes / photoCount / 1e6).toFixed(2)} MB on average (${(uploadedBytes / 1e6).toFixed(1)} MB), sent as GraphQL multipart, one request at a time.`,
      '',
      '| total time | per mutation | server peak memory before → after (VmHWM) | server memory after (VmRSS) |',
      '|---|---|---|---|',
      `| ${seconds.toFixed(2)} s | ${ms((seconds * 1000) / mutations)} | ${before.peak.toFixed(0)} MiB → ${after.peak.toFixed(0)} MiB | ${after.current.toFixed(0)} MiB |`,
      '',
    ];
  } finally {
    await server.stop();
  }
}
