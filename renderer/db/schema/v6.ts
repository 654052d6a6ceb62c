/**
 * Version 6 adds the records of the subsidies (issue 18, docs/domain.md#subsidies):
 * - `subsidySchemes`: the schemes the office enters, several per year;
 * - `agencies`: HR service agencies (人力资源服务机构), with their bank account;
 * - `introductions`: which agency introduced which worker to which enterprise, on which day;
 * - `subsidyClaims`: one claim per person, scheme and instalment, with the dates of its steps.
 * Enterprises gain a bank account; those stored before have none (`bankAccount: null`, written by
 * `enterprisesWithoutBankAccount`). The key-enterprise flag they already had.
 */
export const SCHEMA_V6 = {
  subsidySchemes: 'id, year, updatedAt',
  agencies: 'id, name, creditCode, updatedAt',
  introductions: 'id, agencyId, workerId, enterpriseId, updatedAt',
  subsidyClaims: 'id, schemeId, workerId, payeeId, status, updatedAt',
} as const;

/** Gives an enterprise of version 5's shape the bank account field of version 6 (none known). */
export function withBankAccountField(record: Record<string, unknown>): void {
  if (!('bankAccount' in record)) record.bankAccount = null;
}
