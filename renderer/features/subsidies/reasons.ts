import type { TFunction } from 'i18next';
import type { Eligibility, IneligibilityReason } from '@shared/subsidy/eligibility';

/** One reason a person is not (yet) eligible, in words with its figures ("务工 2 个月，满 3 个月，2027-03-08 起符合"). */
export function reasonText(reason: IneligibilityReason, t: TFunction): string {
  switch (reason.code) {
    case 'household':
      return t('subsidy.page.reason.household', { household: reason.params.household });
    case 'no-employment':
      return t('subsidy.page.reason.no-employment');
    case 'no-qualifying-employment':
      return t(`subsidy.page.reason.no-qualifying-employment.${reason.params.condition}`);
    case 'months':
      return reason.params.from === null
        ? t('subsidy.page.reason.months', { months: reason.params.months, required: reason.params.required })
        : t('subsidy.page.reason.monthsFrom', {
            months: reason.params.months,
            required: reason.params.required,
            from: reason.params.from,
          });
    case 'no-tier':
      return t('subsidy.page.reason.no-tier', {
        destination:
          reason.params.destination === 'unknown'
            ? t('subsidy.page.reason.unknownDestination')
            : t(`subsidy.destination.${reason.params.destination}`),
      });
  }
}

/** Every reason of a person not eligible (or not yet), joined; '' for an eligible person. */
export function reasonsText(eligibility: Eligibility, t: TFunction): string {
  if (eligibility.state === 'eligible') return '';
  return eligibility.reasons.map((reason) => reasonText(reason, t)).join(t('subsidy.page.reason.separator'));
}

/** Months employed as eligibility counted them, or null when it did not count any. */
export function monthsOf(eligibility: Eligibility): number | null {
  if (eligibility.state === 'eligible') return eligibility.months;
  const months = eligibility.reasons.find((reason) => reason.code === 'months');
  return months && months.code === 'months' ? months.params.months : null;
}
