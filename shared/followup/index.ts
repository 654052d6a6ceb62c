export type { EmploymentSpan } from './employment';
export { checkEmploymentSpan, completedMonths, monthsEmployed } from './employment';
export type { ContactOutcome, ContactPoint, ContactSchedule, ScheduledContact } from './schedule';
export {
  CONTACT_OUTCOMES,
  DEFAULT_CONTACT_DAYS,
  EARLY_DAYS,
  RETRY_DAYS,
  checkContactDays,
  contactPoints,
  contactSchedule,
  dueState,
} from './schedule';
export type { DerivedPeriod, PeriodContact, PeriodOrigin } from './periods';
export { derivePeriods } from './periods';
export type { ArrivalInput, ContactContext, ContactInput, HandoverContext, HandoverInput } from './rules';
export {
  ARRIVAL_TEXT_BOUNDS,
  CONTACT_TEXT_BOUNDS,
  FOLLOWUP_SETTINGS_BOUNDS,
  HANDOVER_TEXT_BOUNDS,
  MONTHLY_INCOME,
  NEXT_CONTACT_MAX_DAYS,
  checkArrival,
  checkContact,
  checkHandover,
  contactDaysProblem,
} from './rules';
export type { FollowUpFilter } from './filter';
