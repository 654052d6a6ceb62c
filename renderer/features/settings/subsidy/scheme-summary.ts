/**
 * A scheme's amount and conditions in words, as the schemes card lists them (issue 18, item 1):
 * "省外 500.00 元、省内县外 300.00 元", "建档立卡贫困户、相对贫困；务工满 3 个月；…".
 */
import type { TFunction } from 'i18next';
import type { Language } from '@shared/domain/records';
import { formatCalendarDate } from '@shared/dates';
import type { SubsidyScheme } from '@shared/subsidy/scheme';
import { formatYuan } from '@shared/subsidy/money';

/** The amount, or one line per destination tier. */
export function schemeAmountLines(scheme: SubsidyScheme, t: TFunction): string[] {
  if (scheme.amountFen !== null) return [t('subsidy.schemes.amountValue', { amount: formatYuan(scheme.amountFen) })];
  return scheme.tiers.map((tier) =>
    t('subsidy.schemes.tierValue', {
      destination: t(`subsidy.destination.${tier.destination}`),
      amount: formatYuan(tier.amountFen),
    }),
  );
}

export function schemeConditionsText(scheme: SubsidyScheme, t: TFunction, language: Language): string {
  const list = (items: string[]) => items.join(t('subsidy.schemes.listSeparator'));
  const { conditions } = scheme;
  const parts: string[] = [];
  if (conditions.householdTypes.length > 0) {
    parts.push(list(conditions.householdTypes.map((type) => t(`workers.poverty.${type}`))));
  }
  if (conditions.minMonths > 0) parts.push(t('subsidy.schemes.summary.minMonths', { count: conditions.minMonths }));
  if (conditions.sameEmployer) parts.push(t('subsidy.schemes.summary.sameEmployer'));
  if (conditions.keyEnterpriseOnly) parts.push(t('subsidy.schemes.summary.keyOnly'));
  if (conditions.organisedBatch !== 'any') parts.push(t(`subsidy.organisedBatch.${conditions.organisedBatch}`));
  if (conditions.destinations.length > 0) {
    const names = conditions.destinations.map((tier) => t(`subsidy.destination.${tier}`));
    parts.push(t('subsidy.schemes.summary.destinations', { list: list(names) }));
  }
  const day = (date: string | null) => (date === null ? null : formatCalendarDate(date, language));
  const [from, to] = [day(conditions.startFrom), day(conditions.startTo)];
  if (from !== null && to !== null) parts.push(t('subsidy.schemes.summary.window', { from, to }));
  else if (from !== null) parts.push(t('subsidy.schemes.summary.windowFrom', { from }));
  else if (to !== null) parts.push(t('subsidy.schemes.summary.windowTo', { to }));
  if (parts.length === 0) parts.push(t('subsidy.schemes.summary.none'));
  if (scheme.instalments.length > 0) {
    const each = scheme.instalments.map((instalment) =>
      t('subsidy.schemes.summary.instalment', {
        share: Math.round(instalment.share * 10_000) / 100,
        months: instalment.afterMonths,
      }),
    );
    parts.push(t('subsidy.schemes.summary.instalments', { list: list(each) }));
  }
  if (scheme.evidence.length > 0) {
    const papers = scheme.evidence.map((kind) => t(`subsidy.evidence.${kind}`));
    parts.push(t('subsidy.schemes.summary.evidence', { list: list(papers) }));
  }
  return parts.join(t('subsidy.schemes.separator'));
}
