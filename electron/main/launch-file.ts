/**
 * The backup file the app was asked to open (issue 21): double-clicking a `.ptpbackup` starts the
 * app with its path on the command line (Windows, Linux), or, when the app already runs, hands that
 * command line to the first instance (`second-instance`); macOS sends `open-file` instead. No
 * Electron here: main passes the argument list or the path.
 */
import { BACKUP_EXTENSION } from '@shared/backup';

const BACKUP_SUFFIX = `.${BACKUP_EXTENSION}`.toLowerCase();

/** A drive letter (C:\ or C:/), a network share (\\server\share) or a POSIX root. */
const ABSOLUTE = /^(?:[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/]|\/)/;

/** Without the quotes a shell or a registry entry may have left around the whole path. */
function unquoted(argument: string): string {
  const trimmed = argument.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

/** True for an absolute path to a file named `*.ptpbackup` (any case), as the system hands one over. */
export function isBackupPath(path: string): boolean {
  return ABSOLUTE.test(path) && path.toLowerCase().endsWith(BACKUP_SUFFIX) && !/[\0\r\n]/.test(path);
}

/**
 * The backup file named on a command line, or null. The program (argv[0]) is skipped, and so are
 * Electron's and Chromium's switches (anything starting with "-", which Electron may add before the
 * file in the second instance's argv) and the app's own folder of a development start. A path the
 * system did not quote, and so split at its spaces, is put together again: the shortest run of
 * consecutive arguments that forms a backup's path, earliest first.
 */
export function backupPathFromArgv(argv: readonly string[]): string | null {
  const words = argv.slice(1).map(unquoted);
  for (let start = 0; start < words.length; start++) {
    const first = words[start];
    if (first === undefined || first.startsWith('-') || !ABSOLUTE.test(first)) continue;
    let joined = first;
    for (let end = start; end < words.length; end++) {
      const word = words[end];
      if (word === undefined || (end > start && word.startsWith('-'))) break;
      if (end > start) joined = `${joined} ${word}`;
      if (isBackupPath(joined)) return joined;
    }
  }
  return null;
}
