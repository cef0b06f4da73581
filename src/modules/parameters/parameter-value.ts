import { badUserInput } from '../../errors/app-error';
import { fenToYuan, yuanToFen } from '../../graphql/money.scalar';
import { ParameterUnit } from './parameter.enums';

/** 100 % in basis points. */
const FULL_PERCENT_BP = 10_000;
const PERCENT_PATTERN = /^(0|[1-9]\d{0,2})(\.\d{1,2})?$/;
const WHOLE_PATTERN = /^(0|[1-9]\d{0,8})$/;

/** An integer value in its unit's base, written for people: yuan "3430.00", a percentage "1.2", or a whole number. */
export function formatParameterValue(unit: ParameterUnit, value: number): string {
  switch (unit) {
    case ParameterUnit.FEN:
      return fenToYuan(value);
    case ParameterUnit.BASIS_POINTS: {
      const whole = Math.trunc(value / 100);
      const hundredths = String(value % 100).padStart(2, '0').replace(/0+$/, '');
      return hundredths ? `${whole}.${hundredths}` : String(whole);
    }
    default:
      return String(value);
  }
}

/**
 * The inverse of formatParameterValue: a decimal string in the unit → the integer stored. Anything
 * else is BAD_USER_INPUT naming `field`; integer arithmetic only, no float ever holds the value.
 */
export function parseParameterValue(unit: ParameterUnit, text: string, field: string): number {
  const value = text.trim();
  switch (unit) {
    case ParameterUnit.FEN:
      try {
        return yuanToFen(value);
      } catch {
        throw badUserInput(`${field} must be an amount in yuan with at most two places, e.g. "3430.00"; got "${text}"`, field);
      }
    case ParameterUnit.BASIS_POINTS: {
      if (!PERCENT_PATTERN.test(value)) {
        throw badUserInput(`${field} must be a percentage with at most two places and no sign, e.g. "1.2" for 1.2 %; got "${text}"`, field);
      }
      const [whole, fraction = ''] = value.split('.');
      const bp = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
      if (bp > FULL_PERCENT_BP) throw badUserInput(`${field} must be a percentage from 0 to 100; got "${text}"`, field);
      return bp;
    }
    default:
      if (!WHOLE_PATTERN.test(value)) throw badUserInput(`${field} must be a whole number, e.g. "5"; got "${text}"`, field);
      return Number(value);
  }
}
