import type { FormattedExecutionResult } from 'graphql';

const RAW = Symbol('JSON text');

/**
 * Data that PostgreSQL has already written as JSON (src/sql-read), handed through Apollo as text:
 * parsing it only for Apollo to write it again was a tenth of a long list's CPU.
 */
export const rawJson = (text: string): Record<string, unknown> => ({ [RAW]: text }) as unknown as Record<string, unknown>;

/** Apollo's response as it writes it (`JSON.stringify` and a newline, fields in this order), raw data as it is. */
export function stringifyResult({ errors, data, extensions }: FormattedExecutionResult): string {
  const raw = (data as { [RAW]?: string } | null | undefined)?.[RAW];
  if (raw === undefined) return `${JSON.stringify({ errors, data, extensions })}\n`;
  const fields = [errors && `"errors":${JSON.stringify(errors)}`, `"data":${raw}`, extensions && `"extensions":${JSON.stringify(extensions)}`];
  return `{${fields.filter(Boolean).join(',')}}\n`;
}
