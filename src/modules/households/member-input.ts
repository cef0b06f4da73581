import type { InputProblems } from '../../errors/app-error';
import { parseIdNumber, describeIdNumberProblem } from '../../kernel/id-number';
import { Health } from './member.enums';
import type { MemberInput } from './registry.types';

/** Checks one member as it enters the registry; problems are named under `path`. */
export function checkMember(problems: InputProblems, path: string, member: MemberInput, today: string): void {
  const parsed = parseIdNumber(member.idNumber);
  if (!parsed.ok) problems.add(`${path}.idNumber`, describeIdNumberProblem(parsed.problem));
  else {
    if (parsed.facts.birthDate !== member.birthDate) problems.add(`${path}.birthDate`, `must be ${parsed.facts.birthDate}, as the ID number says`);
    if (parsed.facts.sex !== member.sex) problems.add(`${path}.sex`, `must be ${parsed.facts.sex}, as the ID number says`);
  }
  if (member.birthDate > today) problems.add(`${path}.birthDate`, 'must not be in the future');
  checkDisability(problems, path, member.health, member.disabilityGrade);
}

export function checkDisability(problems: InputProblems, path: string, health: Health, grade: number | null | undefined): void {
  const disabled = health === Health.DISABLED;
  if (disabled && !(Number.isInteger(grade) && grade! >= 1 && grade! <= 4)) problems.add(`${path}.disabilityGrade`, 'must be 1 to 4 for a disabled member');
  if (!disabled && grade !== null && grade !== undefined) problems.add(`${path}.disabilityGrade`, 'is given only for a disabled member');
}
