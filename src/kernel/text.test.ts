import { ID_RULE, TEXT, textProblem } from './text';

describe('text rules', () => {
  it.each([
    ['a NUL', 'ab\u0000cd', /U\+0000/],
    ['a lone high surrogate', 'ab\ud800', /lone surrogate/],
    ['a lone low surrogate', '\udc00ab', /lone surrogate/],
    ['an escape character', 'a\u001b[31m', /U\+001B/],
    ['a C1 control', 'a\u0085b', /U\+0085/],
    ['a byte-order mark', '\ufeffname', /U\+FEFF/],
    ['a line break in a one-line name', 'a\nb', /U\+000A/],
  ])('refuses %s', (_what, value, message) => {
    expect(textProblem(value, TEXT.NAME)).toMatch(message);
  });

  it('lets tab and line breaks into free text only', () => {
    expect(textProblem('第一行\n\t第二行\r\n', TEXT.REASON)).toBeUndefined();
    expect(textProblem('a\tb', TEXT.PURPOSE)).toMatch(/U\+0009/);
  });

  it('counts code points, so a character outside the BMP is one character', () => {
    expect(textProblem('𠀀'.repeat(100), TEXT.NAME)).toBeUndefined();
    expect(textProblem('𠀀'.repeat(101), TEXT.NAME)).toMatch(/got 101 characters/);
  });

  it('counts the minimum without surrounding blanks', () => {
    expect(textProblem('   ', TEXT.NAME)).toMatch(/1 to 100 characters/);
    expect(textProblem('  ok  ', TEXT.JUSTIFICATION)).toMatch(/10 to 2000/);
  });

  it.each(['1', '42', '9007199254740991'])('takes the id %p', (id) => expect(textProblem(id, ID_RULE)).toBeUndefined());
  it.each(['', '0', '01', '-1', '1.5', 'abc', '1'.repeat(17)])('refuses the id %p', (id) => expect(textProblem(id, ID_RULE)).toBeDefined());
});
