import { ParameterUnit } from './parameter.enums';
import { formatParameterValue, parseParameterValue } from './parameter-value';

describe('parameter values in their units', () => {
  it.each([
    [ParameterUnit.FEN, 343000, '3430.00'],
    [ParameterUnit.FEN, 5, '0.05'],
    [ParameterUnit.FEN, 20000000, '200000.00'],
    [ParameterUnit.BASIS_POINTS, 120, '1.2'],
    [ParameterUnit.BASIS_POINTS, 300, '3'],
    [ParameterUnit.BASIS_POINTS, 125, '1.25'],
    [ParameterUnit.BASIS_POINTS, 5, '0.05'],
    [ParameterUnit.BASIS_POINTS, 0, '0'],
    [ParameterUnit.BASIS_POINTS, 10000, '100'],
    [ParameterUnit.COUNT, 5, '5'],
    [ParameterUnit.MONTHS, 36, '36'],
    [ParameterUnit.YEARS_OF_AGE, 15, '15'],
  ])('%s %d is written "%s" and read back', (unit, stored, written) => {
    expect(formatParameterValue(unit, stored)).toBe(written);
    expect(parseParameterValue(unit, written, 'value')).toBe(stored);
  });

  it.each([
    [ParameterUnit.FEN, '3430', 343000],
    [ParameterUnit.FEN, '3430.5', 343050],
    [ParameterUnit.FEN, ' 3430.00 ', 343000],
    [ParameterUnit.BASIS_POINTS, '1.20', 120],
    [ParameterUnit.BASIS_POINTS, '3.0', 300],
    [ParameterUnit.BASIS_POINTS, '0.5', 50],
  ])('%s reads "%s" as %d', (unit, written, stored) => {
    expect(parseParameterValue(unit, written, 'value')).toBe(stored);
  });

  it.each([
    [ParameterUnit.FEN, '3430.001'],
    [ParameterUnit.FEN, '-1.00'],
    [ParameterUnit.FEN, '3,430'],
    [ParameterUnit.FEN, '1e3'],
    [ParameterUnit.FEN, ''],
    [ParameterUnit.BASIS_POINTS, '1.234'],
    [ParameterUnit.BASIS_POINTS, '1.2%'],
    [ParameterUnit.BASIS_POINTS, '100.01'],
    [ParameterUnit.BASIS_POINTS, '-1'],
    [ParameterUnit.COUNT, '5.5'],
    [ParameterUnit.COUNT, '05'],
    [ParameterUnit.MONTHS, 'thirty-six'],
    [ParameterUnit.YEARS_OF_AGE, '-6'],
  ])('%s refuses "%s" with BAD_USER_INPUT naming the field', (unit, written) => {
    expect.assertions(2);
    try {
      parseParameterValue(unit, written, 'input.value');
    } catch (error: any) {
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.field).toBe('input.value');
    }
  });
});
