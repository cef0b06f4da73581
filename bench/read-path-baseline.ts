/**
 * The hand-written baseline of the read-path bench, run as a child process of it: node:http and pg,
 * one prepared statement per request that builds the whole JSON answer in PostgreSQL
 * (bench/read-path-queries.ts). POST /<query name> with the variables as a JSON body and the API key
 * as a bearer token. The practical limit of a Node server on this database.
 *
 * BASELINE_DATABASE_URL  the owner's URL; BASELINE_POOL_SIZE  connections (default 10).
 * Prints `listening <port>` once ready.
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool, type CustomTypesConfig } from 'pg';
import { hashApiKey } from '../src/modules/auth/api-key-hash';
import { BASELINE, type ReadQueryName } from './read-path-queries';

/** Every column as the text PostgreSQL sent: the JSON is passed on, never parsed and serialised again. */
const AS_TEXT = { getTypeParser: () => (value: string) => value } as unknown as CustomTypesConfig;

const pool = new Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: Number(process.env.BASELINE_POOL_SIZE ?? 10) });

function reply(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function answer(name: ReadQueryName, key: string, rawBody: string): Promise<{ status: number; body: string }> {
  const statement = BASELINE[name];
  const variables = (rawBody ? JSON.parse(rawBody) : {}) as Record<string, unknown>;
  const values = [hashApiKey(key), ...statement.variables.map((v) => variables[v])];
  const { rows } = await pool.query<{ data: string }>({ name, text: statement.sql, values, types: AS_TEXT });
  if (rows.length === 0) return { status: 401, body: '{"errors":[{"message":"unauthenticated"}]}' };
  return { status: 200, body: `{"data":${rows[0].data}}` };
}

const server = http.createServer((req, res) => {
  const name = req.url?.slice(1) as ReadQueryName;
  const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (req.method !== 'POST' || !Object.hasOwn(BASELINE, name) || !key) return reply(res, 404, '{"errors":[{"message":"not found"}]}');
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    answer(name, key, Buffer.concat(chunks).toString('utf8')).then(
      ({ status, body }) => reply(res, status, body),
      (error: unknown) => {
        console.error(`baseline ${name}: ${error instanceof Error ? error.message : String(error)}`);
        reply(res, 500, '{"errors":[{"message":"internal error"}]}');
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));

process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end();
});
