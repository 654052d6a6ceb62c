/**
 * What the desktop's menu (and a backup file opened from outside the app) asks of the backups card
 * (issue 21): back up now, restore from a file the person picks, or restore a file main offered.
 * The shell opens the settings page and leaves the request here; the card takes it when it is shown
 * (at once when it already is), so that the menu reuses the card's own actions and dialogs.
 */
export type BackupRequest = { kind: 'back-up' } | { kind: 'restore' } | { kind: 'restore-file'; offeredFileId: string };

let waiting: BackupRequest | null = null;
let taker: ((request: BackupRequest) => void) | null = null;

/** Leaves a request for the backups card; a newer one replaces one not yet taken. */
export function requestFromBackups(request: BackupRequest): void {
  if (taker) taker(request);
  else waiting = request;
}

/** The backups card takes requests while it is shown; returns the function that stops it. */
export function takeBackupRequests(take: (request: BackupRequest) => void): () => void {
  taker = take;
  const request = waiting;
  waiting = null;
  if (request) take(request);
  return () => {
    if (taker === take) taker = null;
  };
}
