/**
 * Closing the window during long work (issue 21): the renderer reports what runs (a roster import, a
 * restore, a document being made), and main asks before it closes. No Electron: main turns the
 * question into dialog.showMessageBox and the answer back into a decision.
 */
import type { BusyWork, ShellLanguage } from '@shared/bridge';
import { fill, SHELL_TEXTS } from './shell-texts';

/** Close at once, or ask first. */
export type CloseDecision = 'close' | 'ask';

/**
 * Asks only while work runs and the person has not already answered "close anyway" for this close.
 */
export function closeDecision(busy: readonly BusyWork[], closeConfirmed: boolean): CloseDecision {
  return busy.length > 0 && !closeConfirmed ? 'ask' : 'close';
}

export interface CloseQuestion {
  title: string;
  message: string;
  detail: string;
  /** Continue working first: the default, and what Escape or closing the dialog means. */
  buttons: [string, string];
  defaultId: 0;
  cancelId: 0;
}

/** The question in the person's language, naming the work that would be interrupted. */
export function closeQuestion(language: ShellLanguage, busy: readonly BusyWork[]): CloseQuestion {
  const text = SHELL_TEXTS[language].close;
  const work = busy.map((kind) => text.work[kind]).join(text.separator);
  return {
    title: text.title,
    message: fill(text.message, { work }),
    detail: text.detail,
    buttons: [text.stay, text.closeAnyway],
    defaultId: 0,
    cancelId: 0,
  };
}

/** The answer's button: only the second closes. */
export function closesAfter(response: number): boolean {
  return response === 1;
}
