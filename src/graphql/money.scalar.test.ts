import { AppError } from '../errors/app-error';
import { fenToYuan, yuanToFen } from './money.scalar';

describe('money in yuan, stored as fen', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [343000, '3430.00'],
    [123450, '1234.50'],
    [-5, '-0.05'],
    [-123450, '-1234.50'],
  ])('%i fen is "%s"', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan);
  });

  it.each([
    ['3430', 343000],
    ['1234.5', 123450],
    ['0.07', 7],
  ])('"%s" is %i fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each(['1.234', '-1', '1e3', '', 'abc', '01.00'])('refuses "%s"', (value) => {
    expect(() => yuanToFen(value)).toThrow(AppError);
  });
});
