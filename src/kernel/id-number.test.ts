import { composeIdNumber, normalisedIdNumber, parseIdNumber } from './id-number';

describe('resident ID numbers (GB 11643)', () => {
  it('reads region, birth date and sex from a valid number', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({
      ok: true,
      facts: { regionCode: '110105', birthDate: '1949-12-31', sex: 'FEMALE' },
    });
  });

  it('builds numbers whose check character it then accepts, with sex from the sequence parity', () => {
    const male = composeIdNumber('430923', '1978-02-28', 13);
    const female = composeIdNumber('430923', '2008-09-01', 24);
    expect(parseIdNumber(male)).toMatchObject({ ok: true, facts: { sex: 'MALE', birthDate: '1978-02-28', regionCode: '430923' } });
    expect(parseIdNumber(female)).toMatchObject({ ok: true, facts: { sex: 'FEMALE' } });
  });

  it.each([
    ['4309231978022801', 'LENGTH'],
    ['43092319780228013A', 'CHARACTERS'],
    ['990923197802280133', 'REGION'],
    ['430000197802280133', 'REGION'],
    ['430923197802300133', 'BIRTH_DATE'],
    ['430923189912310133', 'BIRTH_DATE'],
  ])('refuses %s for %s', (value, problem) => {
    expect(parseIdNumber(value)).toEqual({ ok: false, problem });
  });

  it('refuses a number whose check character is wrong', () => {
    const valid = composeIdNumber('430981', '1990-05-17', 101);
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(parseIdNumber(wrong)).toEqual({ ok: false, problem: 'CHECK_CHARACTER' });
  });

  it('refuses a birth date in the future', () => {
    expect(parseIdNumber(composeIdNumber('430923', '2099-01-01', 11))).toEqual({ ok: false, problem: 'BIRTH_DATE' });
  });

  it('takes a number in one form only: no surrounding blanks, X in upper case', () => {
    expect(normalisedIdNumber('  11010519491231002x ')).toBe('11010519491231002X');
    expect(parseIdNumber('  11010519491231002x ')).toMatchObject({ ok: true });
  });
});
