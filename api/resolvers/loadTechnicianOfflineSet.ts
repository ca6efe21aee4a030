// What a technician's phone keeps for working offline (their next days), and a tag of
// its content so that a refresh that changes nothing costs one small answer.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { parseInput } from './errors.ts';
import { addParisDays, startOfParisDay } from './parisTime.ts';

const offlineSetInput = z.object({
  days: z.number().int().min(1, 'Au moins 1 jour.|At least 1 day.').max(31, 'Au plus 31 jours.|At most 31 days.'),
  ifNoneMatch: z.string().max(100).nullish(),
});

export interface TechnicianOfflineSet {
  serverTime: Date;
  from: Date;
  to: Date;
  etag: string;
  /** False when the phone's `ifNoneMatch` is the current tag: it has all of it already. */
  changed: boolean;
  appointmentsWhere: Prisma.AppointmentWhereInput;
}

// Everything the set shows that can change, with what each row's updatedAt does not
// cover (equipment has none; photos and quotes do not touch their intervention's).
const fingerprintSelect = {
  id: true,
  version: true,
  status: true,
  updatedAt: true,
  service: { select: { updatedAt: true } },
  customer: { select: { updatedAt: true, contacts: { select: { updatedAt: true } } } },
  site: {
    select: { updatedAt: true, equipment: { select: { id: true, kind: true, brand: true, model: true, serial: true, notes: true } } },
  },
  intervention: {
    select: {
      updatedAt: true,
      _count: { select: { photos: true } },
      quotes: { select: { id: true, status: true, updatedAt: true } },
    },
  },
} satisfies Prisma.AppointmentSelect;

/**
 * The viewer's appointments from the start of today (Paris) for `days` days, cancelled
 * ones included so that the phone can tell the technician, and a tag over them and the
 * active price catalogue.
 */
export async function loadTechnicianOfflineSet(
  prisma: PrismaClient,
  viewer: Viewer,
  input: z.input<typeof offlineSetInput>,
  options: { now?: Date } = {},
): Promise<TechnicianOfflineSet> {
  const { days, ifNoneMatch } = parseInput(offlineSetInput, input);
  const serverTime = options.now ?? new Date();
  const from = startOfParisDay(serverTime);
  const to = addParisDays(from, days);
  const appointmentsWhere: Prisma.AppointmentWhereInput = {
    technician: { userId: viewer.kind === 'user' ? viewer.userId : '' },
    startsAt: { lt: to },
    endsAt: { gt: from },
  };
  const appointments = await prisma.appointment.findMany({
    where: appointmentsWhere,
    select: fingerprintSelect,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  const catalog = await prisma.catalogItem.findMany({ where: { active: true }, orderBy: { code: 'asc' } });
  const etag = createHash('sha256').update(JSON.stringify({ from, to, appointments, catalog })).digest('hex').slice(0, 32);
  return { serverTime, from, to, etag, changed: etag !== ifNoneMatch, appointmentsWhere };
}
