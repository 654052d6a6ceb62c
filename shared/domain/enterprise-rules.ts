/**
 * What makes a receiving enterprise or a job opening acceptable. The form shows these problems
 * next to their fields, and the repository refuses to store a record that has any, so bad data
 * cannot arrive by another path.
 */
import type { Enterprise, Opening, RecordMeta } from './records';
import { parseCreditCode } from './credit-code';
import type { FieldProblem } from './problems';

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
  return problems;
}

export function checkOpening(input: OpeningInput): FieldProblem<keyof OpeningInput>[] {
  const problems: FieldProblem<keyof OpeningInput>[] = [];
  if (input.position.trim() === '') problems.push({ field: 'position', code: 'required' });
  if (!Number.isInteger(input.headcount) || input.headcount < 1) {
    problems.push({ field: 'headcount', code: 'headcount-invalid' });
  }
  if (!Number.isFinite(input.wageMin) || !Number.isFinite(input.wageMax) || input.wageMin < 0) {
    problems.push({ field: 'wageMin', code: 'wage-invalid' });
  } else if (input.wageMin > input.wageMax) {
    problems.push({ field: 'wageMax', code: 'wage-range' });
  }
  if (!Number.isInteger(input.ageMin) || !Number.isInteger(input.ageMax) || input.ageMin < 16 || input.ageMax > 70) {
    problems.push({ field: 'ageMin', code: 'age-invalid' });
  } else if (input.ageMin > input.ageMax) {
    problems.push({ field: 'ageMax', code: 'age-range' });
  }
  return problems;
}
