import type { TFunction } from 'i18next';
import type { RosterChange, RosterFooterLine, RosterRowVerdict } from '@shared/roster';
import type { WorkerProblem } from '@shared/domain/worker-rules';
import type { Language } from '@shared/domain/records';
import { formatTimestamp } from '@shared/dates';
import type { ImportJournalEntry } from '@renderer/db';
import { problemMessage } from '@renderer/components/field-problems';

/** The name of a worker's field as the form and the preview's columns show it. */
function fieldLabel(field: WorkerProblem['field'], t: TFunction): string {
  return t(`workers.fields.${field}`, { defaultValue: field });
}

/**
 * One problem with the field it is about: 姓名：必填. A message that names its field already
 * (身份证号校验位不对) is not given the name a second time.
 */
export function namedProblemText(problem: WorkerProblem, t: TFunction): string {
  const label = fieldLabel(problem.field, t);
  const message = problemMessage(problem, t);
  if (message.toLowerCase().includes(label.toLowerCase())) return message;
  return `${label}${t('common.labelSeparator')}${message}`;
}

/** A row's problems on one line, each naming its field, in the user's language: 姓名：必填；身份证号：必填. */
export function problemText(verdict: Pick<RosterRowVerdict, 'problems'>, t: TFunction): string {
  return verdict.problems.map((problem) => namedProblemText(problem, t)).join(t('common.listSeparator'));
}

/** One change the checks made to a cell: 身份证号：452601800101123 → 45260119800101123X. */
export function changeText(change: RosterChange, t: TFunction): string {
  return `${fieldLabel(change.field, t)}${t('common.labelSeparator')}${t('rosterImport.changedFromTo', {
    from: change.from,
    to: change.to,
  })}`;
}

/** A footer row left out, as one line: its cells with wide gaps, as they stood across the sheet. */
export function footerText(footer: RosterFooterLine): string {
  return footer.cells.join(' / ');
}

/** What an interrupted import left, in words: which file, begun when (Beijing time), how many rows of how many stored. */
export function interruptedImportText(
  entry: Pick<ImportJournalEntry, 'fileName' | 'startedAt' | 'rowsStored' | 'rowsToStore'>,
  key: 'summary' | 'notice',
  t: TFunction,
  language: Language,
): string {
  return t(`rosterImport.interrupted.${key}`, {
    file: entry.fileName,
    time: formatTimestamp(entry.startedAt, language),
    stored: entry.rowsStored,
    total: entry.rowsToStore,
  });
}
