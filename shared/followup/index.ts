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
