import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError } from './app-error';
import { ErrorCode } from './error-codes';

const BAD_REQUEST_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
]);

type ValidationFailure = { property: string; constraints?: Record<string, string> };

/** What a partner may see of an error, or undefined when it is unexpected and must be masked. */
function publicError(formatted: GraphQLFormattedError, original: unknown): Omit<GraphQLFormattedError, 'path' | 'locations'> | undefined {
  if (original instanceof AppError) {
    const { http: _http, ...extensions } = original.extensions;
    return { message: original.message, extensions };
  }
  if (original instanceof ArgumentValidationError) {
    const failures = original.extensions.validationErrors as ValidationFailure[];
    const detail = failures.map((f) => `${f.property}: ${Object.values(f.constraints ?? {}).join(', ')}`).join('; ');
    return { message: `Invalid input: ${detail}`, extensions: { code: ErrorCode.BAD_USER_INPUT, fields: failures.map((f) => f.property) } };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (BAD_REQUEST_CODES.has(code)) return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  return undefined;
}

/** True for failures that are the caller's to fix; anything else is a fault of ours and is logged. */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof AppError || original instanceof ArgumentValidationError) return true;
  const code = (original as { extensions?: { code?: unknown } })?.extensions?.code;
  return typeof code === 'string' && BAD_REQUEST_CODES.has(code);
}

/**
 * The one place where errors become what a partner sees: expected failures keep their code and
 * message, malformed requests become BAD_USER_INPUT, anything else becomes INTERNAL_SERVER_ERROR
 * with no stack, SQL or driver text (the error-logging plugin has already logged it in full).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { path, locations } = formatted;
  const shown = publicError(formatted, unwrapResolverError(error));
  if (shown) return { ...shown, path, locations };
  return { message: 'Internal server error', path, locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
