/**
 * A PostgreSQL array literal `{a,b}` to bind as one parameter, since knex spreads a JavaScript
 * array into a list of parameters. Only for codes, enumeration names, patterns and integers,
 * which hold no commas, quotes, braces or backslashes and so need no escaping.
 */
export function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}
