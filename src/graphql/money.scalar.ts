import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '../errors/app-error';

const YUAN_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/** Integer fen → "1234.50". Integer arithmetic only: money never passes through a float. */
export function fenToYuan(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = Math.abs(fen % 100);
  return `${fen < 0 && whole === 0 ? '-' : ''}${whole}.${String(cents).padStart(2, '0')}`;
}

/** "1234.5" → 123450 fen; anything but a non-negative decimal string with at most two places is refused. */
export function yuanToFen(yuan: string): number {
  if (!YUAN_PATTERN.test(yuan)) {
    throw badUserInput(`"${yuan}" is not an amount in yuan: write a decimal string with at most two places, e.g. "1234.50"`);
  }
  const [whole, fraction = ''] = yuan.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description: 'An amount in yuan (元) as a decimal string with two places, e.g. "1234.50"; stored as integer fen (分).',
  serialize: (value) => fenToYuan(Number(value)),
  parseValue: (value) => {
    if (typeof value !== 'string') throw badUserInput('Money must be given as a string, e.g. "1234.50"');
    return yuanToFen(value);
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badUserInput('Money must be given as a string, e.g. "1234.50"');
    return yuanToFen(ast.value);
  },
});

/** fenToYuan in SQL, for reads that build their JSON in PostgreSQL (src/sql-read); a test holds the two equal. */
export const fenToYuanSql = (fen: string) =>
  `(case when ${fen} < 0 and ${fen} / 100 = 0 then '-' else '' end || (${fen} / 100)::text || '.' || lpad(abs(${fen} % 100)::text, 2, '0'))`;
