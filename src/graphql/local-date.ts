import type { GraphQLScalarType, GraphQLSchema } from 'graphql';

const arithmetic = new WeakSet<GraphQLScalarType>();

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day in `YYYY-MM-DD`, checked by arithmetic: no Date is made. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = DATE.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * graphql-scalars checks every LocalDate it answers by making a Date and printing it back: 3 % of
 * a bank's page of 100 households (docs/benchmarks.md). The same check by arithmetic; anything it
 * does not pass still goes to the scalar's own serializer, which refuses it with its own error.
 * Inputs are parsed by the scalar as before. The scalar is graphql-scalars' one instance, shared by
 * every schema built in the process, so it is changed once.
 */
export function answerLocalDatesByArithmetic(schema: GraphQLSchema): void {
  const scalar = schema.getType('LocalDate') as GraphQLScalarType | undefined;
  if (!scalar || arithmetic.has(scalar)) return;
  arithmetic.add(scalar);
  const serialize = scalar.serialize.bind(scalar);
  scalar.serialize = (value: unknown) => (isCalendarDate(value) ? value : serialize(value));
}
