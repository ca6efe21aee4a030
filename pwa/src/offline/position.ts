// Where the technician is, recorded only with their consent and only at the moments of
// a job of the day (arriving, leaving, a photo of the work): that is working time by
// definition, and nothing is ever tracked in between (RGPD).
import { parisDateKey } from '../i18n/parisTime';
import type { OfflineDatabase, Stamp } from './db';

export type PositionConsent = 'granted' | 'refused';

const consentKey = 'positionConsent';
const positionTimeoutMs = 8000;
/** A fix this recent is still where the technician stands (a clock-in right after "en route" at the door). */
const positionMaxAgeMs = 60_000;

export async function readPositionConsent(db: OfflineDatabase): Promise<PositionConsent | undefined> {
  const entry = await db.meta.get(consentKey);
  return entry?.value === 'granted' || entry?.value === 'refused' ? entry.value : undefined;
}

export async function savePositionConsent(db: OfflineDatabase, consent: PositionConsent): Promise<void> {
  await db.meta.put({ key: consentKey, value: consent });
}

function currentPosition(): Promise<GeolocationPosition | undefined> {
  if (!('geolocation' in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(resolve, () => resolve(undefined), {
      enableHighAccuracy: true,
      timeout: positionTimeoutMs,
      maximumAge: positionMaxAgeMs,
    }),
  );
}

/**
 * Now, for a job: with the position when the technician allows it and the job is today's
 * (a tap on another day's job is a mistake, not a place). A missing fix never blocks the tap.
 */
export async function stampNow(db: OfflineDatabase, jobStartsAt: string): Promise<Stamp> {
  const now = new Date();
  const onJobDay = parisDateKey(now) === parisDateKey(new Date(jobStartsAt));
  const position = onJobDay && (await readPositionConsent(db)) === 'granted' ? await currentPosition() : undefined;
  return {
    at: now.toISOString(),
    latitude: position?.coords.latitude ?? null,
    longitude: position?.coords.longitude ?? null,
  };
}
