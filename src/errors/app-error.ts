import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes';

/** An expected failure: its message and extensions are safe to show to the caller as they are. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const unauthenticated = (message = 'A valid API key is required: Authorization: Bearer <key>') =>
  new AppError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });

export const forbidden = (message = 'Your organisation may not read or do this') =>
  new AppError(ErrorCode.FORBIDDEN, message);

export const badUserInput = (message: string, field?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});

export const notFound = (message: string) => new AppError(ErrorCode.NOT_FOUND, message);

/** A write based on a stale version: the caller re-reads, re-applies and sends the current version. */
export const conflict = (message: string, currentVersion: number) =>
  new AppError(ErrorCode.CONFLICT, message, { currentVersion });

/** Enough to fix a request by; a hostile one with thousands of bad values gets no longer an answer. */
const MAX_PROBLEMS_SHOWN = 20;

/**
 * Several things wrong with one input: each named by its path from the argument (`input.members[0].sex`),
 * as the edge's input guard names them, the first also as `field`.
 */
export class InputProblems {
  private readonly problems: { field: string; message: string }[] = [];

  /** `argument`: the input-object argument the paths start from. */
  constructor(private readonly argument?: string) {}

  add(field: string, message: string): void {
    this.problems.push({ field: this.argument ? `${this.argument}.${field}` : field, message });
  }

  get empty(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(extensions: Record<string, unknown> = {}): void {
    if (this.empty) return;
    const shown = this.problems.slice(0, MAX_PROBLEMS_SHOWN);
    const more = this.problems.length - shown.length;
    const message = shown.map((p) => `${p.field}: ${p.message}`).join('; ') + (more > 0 ? `; and ${more} more` : '');
    throw new AppError(ErrorCode.BAD_USER_INPUT, message, { ...extensions, field: shown[0].field, problems: shown });
  }
}
