import type { TFunction } from 'i18next';
import type { RosterRowVerdict } from '@shared/roster';
import { problemMessage } from '@renderer/components/field-problems';

/** A row's problems on one line, in the user's language. */
export function problemText(verdict: Pick<RosterRowVerdict, 'problems'>, t: TFunction): string {
  return verdict.problems.map((problem) => problemMessage(problem, t)).join(t('rosterImport.reasonSeparator'));
}
