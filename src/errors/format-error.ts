import { STATUS_CODES, type ServerResponse } from 'node:http';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
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

/**
 * Apollo refuses some malformed requests (a persisted query whose hash does not match, an unknown
 * persisted-query version) with a bare GraphQLError and an HTTP 4xx status but no code; they are the
 * caller's to fix, like the coded ones.
 */
function isRequestRefusal(original: unknown): boolean {
  if (!(original instanceof GraphQLError) || original.path) return false;
  const status = (original.extensions?.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

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
  if (BAD_REQUEST_CODES.has(code) || isRequestRefusal(original)) return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  return undefined;
}

/** True for failures that are the caller's to fix; anything else is a fault of ours and is logged. */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof AppError || original instanceof ArgumentValidationError || isRequestRefusal(original)) return true;
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

/** The code a partner branches on for an HTTP status that never reached GraphQL. */
function codeForStatus(status: number): ErrorCode {
  if (status === 401) return ErrorCode.UNAUTHENTICATED;
  if (status === 403) return ErrorCode.FORBIDDEN;
  if (status === 404) return ErrorCode.NOT_FOUND;
  if (status === 429) return ErrorCode.RATE_LIMITED;
  return status < 500 ? ErrorCode.BAD_USER_INPUT : ErrorCode.INTERNAL_SERVER_ERROR;
}

/** A failure outside GraphQL, answered in the GraphQL-over-HTTP shape so that clients parse one kind of error. */
export function sendHttpError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** body-parser's error types, answered in our words: its own messages echo the request's header values. */
export const BODY_FAILURES = {
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.too.large': 'The request body is larger than the server accepts',
  'charset.unsupported': 'The request body\'s charset is not supported: send UTF-8',
  'encoding.unsupported': 'The request body\'s Content-Encoding is not supported: send gzip, deflate, br or none',
  'request.aborted': 'The request body was not sent in full',
  'request.size.invalid': 'The request body\'s length does not match its Content-Length',
} as const satisfies Record<string, string>;

type HttpFailure = { status?: unknown; statusCode?: unknown; type?: unknown };

/**
 * Express's last handler: a malformed body, a route that does not exist, or anything a middleware
 * throws becomes GraphQL-over-HTTP JSON with a code and a fitting status, in every NODE_ENV
 * (Express's own handler answers an HTML page with the stack outside production). Only 5xx are
 * faults of ours and are logged.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const failure = (error ?? {}) as HttpFailure;
    const given = Number(failure.status ?? failure.statusCode);
    const status = given >= 400 && given < 600 ? given : 500;
    if (status >= 500) (req.log ?? logger).error({ err: error }, 'unexpected error in an HTTP request');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const known = typeof failure.type === 'string' && Object.hasOwn(BODY_FAILURES, failure.type) ? BODY_FAILURES[failure.type as keyof typeof BODY_FAILURES] : undefined;
    const message = status >= 500 ? 'Internal server error' : (known ?? (status === 400 ? 'The request could not be read' : STATUS_CODES[status]) ?? 'Bad request');
    sendHttpError(res, status, codeForStatus(status), message);
  };
}

export const notFound: RequestHandler = (req, res) => {
  sendHttpError(res, 404, ErrorCode.NOT_FOUND, `No route for ${req.method} here; the API is POST /graphql`);
};
