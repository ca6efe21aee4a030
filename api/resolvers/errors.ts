// Domain errors: what a use case can refuse, with a message for users in both
// languages. The GraphQL edge maps each class to a typed error result.
import type { z } from 'zod';

export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    readonly messageFr: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
    this.name = new.target.name;
  }
}

export interface FieldIssue {
  path: string;
  messageFr: string;
  messageEn: string;
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly issues: FieldIssue[]) {
    super(
      `Certaines informations sont invalides : ${issues.map((issue) => issue.messageFr).join(' ; ')}`,
      `Some information is invalid: ${issues.map((issue) => issue.messageEn).join('; ')}`,
    );
  }

  static fromZod(error: z.ZodError): ValidationError {
    return new ValidationError(
      error.issues.map((issue) => {
        const message = issue.message;
        const [fr, en] = message.includes('|') ? message.split('|', 2) : [message, message];
        return { path: issue.path.join('.'), messageFr: fr ?? message, messageEn: en ?? message };
      }),
    );
  }
}

export class InvalidCredentialsError extends DomainError {
  readonly code = 'INVALID_CREDENTIALS';
  constructor() {
    super('E-mail ou mot de passe incorrect.', 'Incorrect e-mail or password.');
  }
}

export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      `Trop de tentatives. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      `Too many attempts. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    );
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(entityFr: string, entityEn: string) {
    super(`${entityFr} introuvable.`, `${entityEn} not found.`);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

export class InvalidTokenError extends DomainError {
  readonly code = 'INVALID_TOKEN';
  constructor() {
    super('Ce lien n’est plus valide. Demandez-en un nouveau.', 'This link is no longer valid. Please request a new one.');
  }
}

/** Parses input with a Zod schema whose messages are written "français|English". */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}
