/**
 * The desktop shell as the renderer sees it (issue 21): the commands of the application menu and of
 * files opened from outside the app, the language main words its menu in, and the long work during
 * which closing the window asks first. In the browser preview these are the browser bridge's
 * (no commands ever come; the tab asks before it closes during long work).
 */
import { shellCommandSchema, type BusyWork, type ShellCommand, type ShellLanguage } from '@shared/bridge';
import { logger } from '../logger';
import { platform } from './index';

/**
 * Calls `listener` with every command main sends, each checked against the contract's closed list
 * first (the preload checked it too; this side trusts neither). Returns the unsubscribe.
 */
export function onShellCommand(listener: (command: ShellCommand) => void): () => void {
  return platform.onCommand((payload: unknown) => {
    const parsed = shellCommandSchema.safeParse(payload);
    if (parsed.success) listener(parsed.data);
    else logger.warn('ignored an unknown command from the shell');
  });
}

/** Tells main the person's language, for its menu and its dialogs. */
export function tellShellLanguage(language: ShellLanguage): void {
  platform
    .setShellLanguage({ language })
    .catch((error: unknown) => logger.warn('could not tell the shell the language', error));
}

/** How many of each kind of work run now: two prints at once still leave one running when the first ends. */
const running = new Map<BusyWork, number>();

function report(): void {
  const work = [...running].filter(([, count]) => count > 0).map(([kind]) => kind);
  platform.reportBusy({ work }).catch((error: unknown) => logger.warn('could not report long work', error));
}

/**
 * Runs long work that closing the window would interrupt (a roster import, a restore, a document
 * being made): while it runs, main asks before the window closes. Marked as running until it ends,
 * however it ends.
 */
export async function whileBusy<T>(work: BusyWork, run: () => Promise<T>): Promise<T> {
  running.set(work, (running.get(work) ?? 0) + 1);
  if (running.get(work) === 1) report();
  try {
    return await run();
  } finally {
    const left = (running.get(work) ?? 1) - 1;
    running.set(work, left);
    if (left === 0) report();
  }
}

/** The bytes of a backup file main offered with a `restore-file` command; null once it is gone. */
export function readOfferedBackup(offeredFileId: string): Promise<{ fileName: string; data: Uint8Array } | null> {
  return platform.readOfferedBackup({ offeredFileId });
}
