import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config/config';
import { MASKS } from '../policy/masks';

/**
 * Applied to every finished log line, whoever wrote it: a value that reached a log by a path no
 * serializer foresaw (a driver message, a URL's query string, a library's own log) is still caught.
 * 18 characters bounded by non-alphanumerics is the shape of a resident ID number; a bigint of that
 * length is masked too, which costs nothing to debugging.
 */
const LINE_SCRUBS: [RegExp, (match: string) => string][] = [
  [/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, MASKS.idNumber.apply],
  // SHA-256 in hex: API-key hashes, the only such values the server handles.
  [/(?<![0-9A-Fa-f])[0-9a-f]{64}(?![0-9A-Fa-f])/gi, () => '[hash redacted]'],
  [/\bjz_[\w-]{16,}/g, () => 'jz_[key redacted]'],
  [/\b(Bearer|Basic)\s+[^\s"\\]+/gi, (match) => `${match.split(/\s/)[0]} [redacted]`],
];

export function scrubLine(line: string): string {
  return LINE_SCRUBS.reduce((text, [pattern, replace]) => text.replace(pattern, replace), line);
}

const SQL_START = /^\s*\(?\s*(select|insert|update|delete|with|set|begin|commit|rollback|savepoint|release|alter|create|drop|truncate|copy|lock|call|do|values|explain|grant|revoke)\b/i;

/**
 * Knex prefixes a failed statement's message with the statement, parameters inlined
 * (`select … where id_number = '4309…' - relation "x" does not exist`), and MikroORM appends the
 * server's `detail` and `hint`, which quote row values. Only the server's own message is kept.
 */
export function withoutSql(message: string): string {
  const [main] = message.split(/\n - (?:detail|hint): /);
  if (!SQL_START.test(main)) return main;
  const separator = main.lastIndexOf(' - ');
  return separator < 0 ? '[SQL redacted]' : `[SQL redacted] - ${main.slice(separator + 3)}`;
}

/** Identifiers and codes, never values: what a driver error may keep in a log. */
const ERROR_FIELDS_KEPT = ['code', 'sqlState', 'constraint', 'table', 'column', 'routine', 'severity'] as const;

type LoggedError = { type: string; message: string; stack?: string; cause?: LoggedError } & Record<string, unknown>;

type ErrorLike = { name?: unknown; type?: unknown; message?: unknown; stack?: unknown; cause?: unknown; extensions?: { code?: unknown } } & Record<string, unknown>;

/**
 * Errors are logged by an allow-list, not as every enumerable property: a driver error carries the
 * statement, its parameters, the failing row and the PL/pgSQL context. Takes an Error or what
 * pino's own serializer made of one (pino-http hands over that).
 */
export function serializeError(error: unknown, depth = 0): LoggedError {
  if (typeof error !== 'object' || error === null) return { type: typeof error, message: withoutSql(String(error)) };
  const e = error as ErrorLike;
  // Its class, as pino's serializer names it: a driver's `name` can be as vague as "error".
  const constructorName = error instanceof Error ? error.constructor.name : undefined;
  const type = String(e.type ?? constructorName ?? e.name ?? 'Error');
  const message = withoutSql(String(e.message ?? ''));
  const frames = String(e.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const logged: LoggedError = { type, message, stack: [`${type}: ${message}`, ...frames].join('\n') };
  for (const field of ERROR_FIELDS_KEPT) {
    const value = e[field];
    if (typeof value === 'string' || typeof value === 'number') logged[field] = value;
  }
  if (typeof e.extensions?.code === 'string') logged.code ??= e.extensions.code;
  if (e.cause !== undefined && depth < 3) logged.cause = serializeError(e.cause, depth + 1);
  return logged;
}

/**
 * JSON logs without personal data or secrets: headers that carry credentials are removed, errors
 * are serialized by an allow-list, and every line is scrubbed of ID numbers, key hashes and keys.
 * `destination` is stdout unless given (tests read the log from memory).
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination: DestinationStream = pino.destination({ dest: 1, sync: true })): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'jingzhun' },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      serializers: { err: serializeError, error: serializeError },
    },
    { write: (line: string) => destination.write(scrubLine(line)) },
  );
}

/** A GraphQL name, as an operation's must be; anything else a client put there is not logged. */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

type RequestLike = { id?: unknown; method?: string; originalUrl?: string; url?: string; body?: unknown };

/**
 * The request as one request's log line shows it: id, method and path, no query string (it may
 * carry a GraphQL query and its values) and no headers. Serializing the whole request, headers and
 * all, for every line was 5 % of a small request's CPU.
 */
export function requestLine(req: RequestLike) {
  const url = req.originalUrl ?? req.url ?? '';
  const query = url.indexOf('?');
  return { id: req.id, method: req.method, path: query < 0 ? url : url.slice(0, query) };
}

export function responseLine(res: { statusCode?: number }) {
  return { statusCode: res.statusCode };
}

/** The operation name the client sent with its body, when it is one. */
export function operationName(req: RequestLike): string | undefined {
  const name = (req.body as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' && OPERATION_NAME.test(name) ? name : undefined;
}
