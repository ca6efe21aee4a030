// What booking can refuse, beyond bad input and unknown records.
import type { Slot } from './computeSlots.ts';
import { DomainError } from './errors.ts';

export class SlotTakenError extends DomainError {
  readonly code = 'SLOT_TAKEN';
  constructor(readonly alternatives: Slot[]) {
    super('Ce créneau n’est plus disponible. Choisissez-en un autre.', 'This time slot is no longer available. Please choose another one.');
  }
}

export class TooLateError extends DomainError {
  readonly code = 'TOO_LATE';
  constructor(cutoffHours: number) {
    super(
      `Ce rendez-vous ne peut plus être modifié en ligne (moins de ${cutoffHours} h avant). Appelez-nous.`,
      `This appointment can no longer be changed online (less than ${cutoffHours} h before). Please call us.`,
    );
  }
}

export class StaleVersionError extends DomainError {
  readonly code = 'STALE_VERSION';
  constructor() {
    super(
      'Ce rendez-vous vient d’être modifié par quelqu’un d’autre. Vérifiez le planning et recommencez.',
      'Someone else has just changed this appointment. Check the planning and try again.',
    );
  }
}
