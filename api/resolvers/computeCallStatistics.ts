import type { PrismaClient } from '../generated/prisma/client.ts';
import { parseInput } from './errors.ts';
import { dateRangeRule } from './inputRules.ts';
import { addParisDays, parisWallClock, startOfParisDay } from './parisTime.ts';

export interface CallVolume {
  total: number;
  inbound: number;
  outbound: number;
  /** Inbound calls nobody answered. */
  missed: number;
}

export interface CallStatistics extends CallVolume {
  /** Inbound calls answered. */
  answered: number;
  /** Missed inbound calls over inbound calls; null without inbound calls. */
  missedRate: number | null;
  /** Seconds from ringing to answer, over answered inbound calls; null without any. */
  averageAnswerDelaySeconds: number | null;
  medianAnswerDelaySeconds: number | null;
  /** Every Paris day of the period, in order, empty days included. */
  perDay: (CallVolume & { date: string })[];
  /** Hours of the day (0–23, Paris time) over the whole period. */
  perHour: (CallVolume & { hour: number })[];
}

interface CallFacts {
  direction: 'INBOUND' | 'OUTBOUND';
  startedAt: Date;
  answeredAt: Date | null;
  missed: boolean;
}

const emptyVolume = (): CallVolume => ({ total: 0, inbound: 0, outbound: 0, missed: 0 });

function count(volume: CallVolume, call: CallFacts): void {
  volume.total += 1;
  if (call.direction === 'OUTBOUND') {
    volume.outbound += 1;
    return;
  }
  volume.inbound += 1;
  if (call.missed) volume.missed += 1;
}

function parisDate(instant: Date): string {
  const { year, month, day } = parisWallClock(instant);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Figures of the calls started in [from, to): the director's answer-delay and missed-call KPIs, volumes by Paris day and hour. */
export function summariseCalls(calls: CallFacts[], from: Date, to: Date): CallStatistics {
  const total = emptyVolume();
  const days = new Map<string, CallVolume>();
  for (let day = startOfParisDay(from); day < to; day = addParisDays(day, 1)) days.set(parisDate(day), emptyVolume());
  const hours = Array.from({ length: 24 }, emptyVolume);
  const answerDelays: number[] = [];
  for (const call of calls) {
    count(total, call);
    const day = days.get(parisDate(call.startedAt));
    if (day) count(day, call);
    count(hours[parisWallClock(call.startedAt).hour]!, call);
    if (call.direction === 'INBOUND' && call.answeredAt) answerDelays.push((call.answeredAt.getTime() - call.startedAt.getTime()) / 1000);
  }
  answerDelays.sort((a, b) => a - b);
  return {
    ...total,
    answered: answerDelays.length,
    missedRate: total.inbound ? total.missed / total.inbound : null,
    averageAnswerDelaySeconds: answerDelays.length ? answerDelays.reduce((sum, delay) => sum + delay, 0) / answerDelays.length : null,
    medianAnswerDelaySeconds: median(answerDelays),
    perDay: [...days].map(([date, volume]) => ({ date, ...volume })),
    perHour: hours.map((volume, hour) => ({ hour, ...volume })),
  };
}

export async function computeCallStatistics(prisma: PrismaClient, input: { from: Date; to: Date }): Promise<CallStatistics> {
  const { from, to } = parseInput(dateRangeRule(366), input);
  const calls = await prisma.call.findMany({
    where: { startedAt: { gte: from, lt: to } },
    select: { direction: true, startedAt: true, answeredAt: true, missed: true },
  });
  return summariseCalls(calls, from, to);
}
