import { composeIdNumber } from '../../src/kernel/id-number';
import { Sex } from '../../src/modules/households/member.enums';

/** The 3-digit order code holds 500 odd (male) and 500 even (female) values per region and day. */
const SLOTS_PER_SEX = 500;
/** Coprime with 500, so stepping by it visits every slot once while the numbers do not all end in 001, 003, … */
const SLOT_STRIDE = 337;

/**
 * Hands out ID numbers that are unique across a whole data set. It keeps one counter per
 * (county, birth date, sex) rather than a set of issued numbers, so memory is bounded by the
 * number of distinct days (about 2 counties × 36,500 days × 2 sexes) however many people are made.
 */
export class IdNumberAllocator {
  private readonly issued = new Map<string, number>();

  next(county: string, birthDate: string, sex: Sex): string {
    const key = `${county}${birthDate}${sex === Sex.MALE ? 'M' : 'F'}`;
    const count = this.issued.get(key) ?? 0;
    if (count >= SLOTS_PER_SEX) {
      throw new Error(`no ID number sequence left for ${sex} born ${birthDate} in ${county}`);
    }
    this.issued.set(key, count + 1);
    return composeIdNumber(county, birthDate, orderCode(count, birthDate, sex));
  }
}

/** The walk starts at a slot that depends on the day, which is fixed per counter, so slots still never repeat. */
function orderCode(index: number, birthDate: string, sex: Sex): number {
  const start = Number(birthDate.replaceAll('-', '')) % SLOTS_PER_SEX;
  const slot = (index * SLOT_STRIDE + start) % SLOTS_PER_SEX;
  return sex === Sex.MALE ? 2 * slot + 1 : 2 * slot;
}
