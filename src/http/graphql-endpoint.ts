import type http from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type ContextFunction } from '@apollo/server';
import type { Logger } from 'pino';
import type { RequestContext } from '../context/request-context';
import { ErrorCode } from '../errors/error-codes';
import type { CompiledLane } from '../graphql/compiled-lane';
import { BODY_FAILURES, sendHttpError } from '../errors/format-error';

/** The largest request body taken, in bytes, on either path (app.ts hands it to express.json as well). */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export type GraphQLRequestContext<TContext extends BaseContext> = ContextFunction<[{ req: http.IncomingMessage; res: http.ServerResponse }], TContext>;

/**
 * True for the request every partner sends: `POST /graphql` with a plain UTF-8 JSON body. Only
 * those take the direct path; anything else (a compressed body, another charset, a GET, the IDE)
 * goes through express as before, with the same answers.
 */
export function isPlainGraphQLPost(req: http.IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  const query = url.indexOf('?');
  if ((query < 0 ? url : url.slice(0, query)) !== '/graphql') return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  return isUtf8Json(req.headers['content-type']);
}

function isUtf8Json(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((p) => p === '' || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

class BodyFailure extends Error {
  constructor(
    readonly status: number,
    readonly type: keyof typeof BODY_FAILURES,
  ) {
    super(type);
  }
}

/** The body as express.json reads it: at most BODY_LIMIT_BYTES, UTF-8 without a byte-order mark, an object or array; empty is `{}`. */
function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > BODY_LIMIT_BYTES) {
    req.resume();
    return Promise.reject(new BodyFailure(413, 'entity.too.large'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const fail = (failure: BodyFailure) => {
      req.removeAllListeners('data');
      req.resume();
      reject(failure);
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > BODY_LIMIT_BYTES) fail(new BodyFailure(413, 'entity.too.large'));
      else chunks.push(chunk);
    });
    req.once('aborted', () => fail(new BodyFailure(400, 'request.aborted')));
    req.once('error', () => fail(new BodyFailure(400, 'request.aborted')));
    req.once('end', () => {
      if (declared !== undefined && Number(declared) !== received) return fail(new BodyFailure(400, 'request.size.invalid'));
      const text = Buffer.concat(chunks, received).toString('utf8').replace(/^\uFEFF/, '');
      if (text.trim() === '') return resolve({});
      // express.json is strict: only an object or an array is a body.
      if (!/^\s*[{[]/.test(text)) return reject(new BodyFailure(400, 'entity.parse.failed'));
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new BodyFailure(400, 'entity.parse.failed'));
      }
    });
  });
}

/** Apollo's content type for a JSON answer, which the compiled lane gives too. */
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** An Accept for which Apollo answers plain JSON (or none): anything else is Apollo's to negotiate. */
const answersJson = (accept: string | undefined) => accept === undefined || accept === '*/*' || accept === 'application/json' || accept === JSON_CONTENT_TYPE;

function headerMap(req: http.IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/**
 * POST /graphql handed straight to Apollo, as @as-integrations/express5 does but without express:
 * its router, its request and response objects and body-parser cost three times Apollo's own work
 * on a small query (0.13 of 0.19 ms a request, docs/benchmarks.md). What express did for this route
 * is done here: the request log line and the security headers by the same middleware, the body
 * under the same limit and with the same refusals, and any failure answered as JSON with a code.
 */
export function graphqlEndpoint(
  apollo: ApolloServer<RequestContext>,
  options: { context: GraphQLRequestContext<RequestContext>; before: ((req: http.IncomingMessage, res: http.ServerResponse) => void)[]; logger: Logger; lane?: CompiledLane },
): http.RequestListener {
  return async (req, res) => {
    for (const step of options.before) step(req, res);
    try {
      const body = await readJsonBody(req);
      // What the operation name is read from for the request's log line, as express.json leaves it.
      (req as { body?: unknown }).body = body;
      const url = req.url ?? '';
      const query = url.indexOf('?');
      const candidate = query < 0 && answersJson(req.headers.accept) ? options.lane?.candidate(body) : undefined;
      let context = () => options.context({ req, res });
      if (candidate) {
        const made = context();
        context = () => made;
        const answer = await made.then((ctx) => options.lane!.answer(candidate, ctx), () => undefined);
        if (answer !== undefined) {
          res.setHeader('content-type', JSON_CONTENT_TYPE);
          res.end(answer);
          return;
        }
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers: headerMap(req), search: query < 0 ? '' : url.slice(query), body },
        context,
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      if (error instanceof BodyFailure) {
        sendHttpError(res, error.status, ErrorCode.BAD_USER_INPUT, BODY_FAILURES[error.type]);
        return;
      }
      ((req as { log?: Logger }).log ?? options.logger).error({ err: error }, 'unexpected error in an HTTP request');
      if (res.headersSent) res.destroy();
      else sendHttpError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
    }
  };
}
