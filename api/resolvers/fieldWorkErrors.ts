// What the technician's phone can be told when it replays its outbox: the office changed
// the schedule, the report is already signed, the content changed, or a file is refused.
import { DomainError } from './errors.ts';

export class NotAssignedError extends DomainError {
  readonly code = 'NOT_ASSIGNED';
  constructor() {
    super('Ce rendez-vous ne vous est pas (ou plus) attribué.', 'This appointment is not (or no longer) assigned to you.');
  }
}

/** The office wins on the schedule: the phone is told what the appointment has become. */
export abstract class ScheduleConflictError extends DomainError {
  constructor(
    readonly appointmentId: string,
    messageFr: string,
    messageEn: string,
  ) {
    super(messageFr, messageEn);
  }
}

/** The office cancelled the visit: nothing was recorded. */
export class AppointmentCancelledError extends ScheduleConflictError {
  readonly code = 'APPOINTMENT_CANCELLED';
  constructor(appointmentId: string) {
    super(
      appointmentId,
      'Le bureau a annulé ce rendez-vous : rien n’a été enregistré.',
      'The office cancelled this appointment: nothing was recorded.',
    );
  }
}

/** The office moved the visit since the phone last saw it: the step was not recorded against the new schedule. */
export class AppointmentMovedError extends ScheduleConflictError {
  readonly code = 'APPOINTMENT_MOVED';
  constructor(appointmentId: string) {
    super(
      appointmentId,
      'Le bureau a modifié ce rendez-vous depuis votre dernière synchronisation : vérifiez le nouvel horaire puis recommencez.',
      'The office changed this appointment since your last sync: check the new time, then try again.',
    );
  }
}

export class ReportSignedError extends DomainError {
  readonly code = 'REPORT_SIGNED';
  constructor() {
    super(
      'Le rapport est déjà signé par le client : il ne peut plus être modifié.',
      'The report is already signed by the customer: it can no longer be changed.',
    );
  }
}

/** The hash the customer signed differs from the content the server holds. */
export class ContentChangedError extends DomainError {
  readonly code = 'CONTENT_CHANGED';
  constructor(readonly currentHash: string) {
    super(
      'Le contenu a changé depuis qu’il a été présenté au client : faites-le relire puis signer à nouveau.',
      'The content changed since it was shown to the customer: have them review and sign it again.',
    );
  }
}

export class QuoteClosedError extends DomainError {
  readonly code = 'QUOTE_CLOSED';
  constructor(status: 'ACCEPTED' | 'REFUSED' | 'EXPIRED') {
    const [fr, en] = (
      {
        ACCEPTED: ['Ce devis est déjà accepté.', 'This quote is already accepted.'],
        REFUSED: ['Ce devis a été refusé.', 'This quote was refused.'],
        EXPIRED: ['Ce devis a expiré.', 'This quote has expired.'],
      } as const
    )[status];
    super(fr, en);
  }
}

export class FileTooLargeError extends DomainError {
  readonly code = 'FILE_TOO_LARGE';
  constructor(readonly maxBytes: number) {
    const megabytes = Math.floor(maxBytes / 1_000_000);
    super(`Fichier trop volumineux : ${megabytes} Mo au maximum.`, `File too large: ${megabytes} MB at most.`);
  }
}

export class UnsupportedFileTypeError extends DomainError {
  readonly code = 'UNSUPPORTED_FILE_TYPE';
  constructor(readonly accepted: readonly string[]) {
    const list = accepted.map((type) => type.toUpperCase()).join(', ');
    super(
      `Ce fichier n’est pas une image acceptée (formats : ${list}), quel que soit son nom.`,
      `This file is not an accepted image (formats: ${list}), whatever its name.`,
    );
  }
}
