/**
 * What makes a receiving enterprise or a job opening acceptable. The form shows these problems
 * next to their fields, and the repository refuses to store a record that has any, so bad data
 * cannot arrive by another path.
 */
import type { Enterprise, Opening, RecordMeta } from './records';
import { parseCreditCode } from './credit-code';
import type { FieldProblem } from './problems';
import { ENTERPRISE_TEXT_BOUNDS, OPENING_BOUNDS, rangeProblem, textProblems, wholeProblem } from './field-bounds';

export type EnterpriseInput = Omit<Enterprise, keyof RecordMeta>;
export type OpeningInput = Omit<Opening, keyof RecordMeta>;

/** Landlines (020-12345678), mobiles, with spaces, dashes, parentheses or a +86 prefix. */
const CONTACT_PHONE = /^\+?[0-9][0-9\s\-()]{5,18}[0-9]$/;

export function normalizeEnterpriseInput(input: EnterpriseInput): EnterpriseInput {
  const credit = parseCreditCode(input.creditCode);
  return {
    ...input,
    name: input.name.trim(),
    creditCode: credit.ok ? credit.code : input.creditCode.trim(),
    city: input.city.trim(),
    district: input.district.trim(),
    address: input.address.trim(),
    contactName: input.contactName.trim(),
    contactPhone: input.contactPhone.trim(),
    handoverPoint: input.handoverPoint.trim(),
    hrAgency: input.hrAgency.trim(),
    notes: input.notes.trim(),
  };
}

/**
 * Checks an enterprise. `others` are the live enterprises already stored (minus the one being
 * edited): a credit code identifies one enterprise, so it may not be used twice.
 */
export function checkEnterprise(
  input: EnterpriseInput,
  others: ReadonlyArray<Pick<Enterprise, 'id' | 'name' | 'creditCode'>>,
): FieldProblem<keyof EnterpriseInput>[] {
  const problems: FieldProblem<keyof EnterpriseInput>[] = [];
  if (input.name.trim() === '') problems.push({ field: 'name', code: 'required' });
  if (input.city.trim() === '') problems.push({ field: 'city', code: 'required' });
  if (input.creditCode.trim() === '') {
    problems.push({ field: 'creditCode', code: 'required' });
  } else {
    const credit = parseCreditCode(input.creditCode);
    if (!credit.ok) {
      const params = credit.expected === undefined ? undefined : { expected: credit.expected };
      problems.push({ field: 'creditCode', code: `credit-code-${credit.reason}`, ...(params && { params }) });
    } else if (others.some((other) => other.creditCode === credit.code)) {
      problems.push({ field: 'creditCode', code: 'credit-code-duplicate' });
    }
  }
  const phone = input.contactPhone.trim();
  if (phone !== '' && !CONTACT_PHONE.test(phone)) problems.push({ field: 'contactPhone', code: 'phone-invalid' });
  problems.push(...textProblems<keyof EnterpriseInput>(input, ENTERPRISE_TEXT_BOUNDS));
  return problems;
}

/**
 * Checks an opening against the domain's bounds (field-bounds.ts, OPENING_BOUNDS): a value out of
 * range is refused with the range in the message, never moved into it.
 */
export function checkOpening(input: OpeningInput): FieldProblem<keyof OpeningInput>[] {
  const problems: FieldProblem<keyof OpeningInput>[] = [];
  if (input.position.trim() === '') problems.push({ field: 'position', code: 'required' });
  const { headcount, wage, age, text } = OPENING_BOUNDS;
  const headcountProblem = wholeProblem('headcount', input.headcount, headcount, 'headcount-invalid');
  if (headcountProblem) problems.push(headcountProblem);
  const wageMin = rangeProblem('wageMin', input.wageMin, wage, 'wage-invalid');
  const wageMax = rangeProblem('wageMax', input.wageMax, wage, 'wage-invalid');
  if (wageMin) problems.push(wageMin);
  if (wageMax) problems.push(wageMax);
  if (!wageMin && !wageMax && input.wageMin > input.wageMax) problems.push({ field: 'wageMax', code: 'wage-range' });
  const ageMin = wholeProblem('ageMin', input.ageMin, age, 'age-invalid');
  const ageMax = wholeProblem('ageMax', input.ageMax, age, 'age-invalid');
  if (ageMin) problems.push(ageMin);
  if (ageMax) problems.push(ageMax);
  if (!ageMin && !ageMax && input.ageMin > input.ageMax) problems.push({ field: 'ageMax', code: 'age-range' });
  problems.push(...textProblems<keyof OpeningInput>(input, text));
  return problems;
}
