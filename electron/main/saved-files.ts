/**
 * The files the app saved this session, so the renderer can ask for one to be opened with the
 * system's viewer (to print a document, issue 6) without ever naming a path. Pure of Electron:
 * main passes `shell.openPath` in, and tests pass a stand-in.
 *
 * shell.openPath runs whatever program the system associates with the file, so an executable
 * would run: only files this session saved, still regular files, with an extension on the list
 * below, are ever handed to it. The user may have typed another extension in the save dialog.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import nodePath from 'node:path';
import type { OpenSavedFileRequest, OpenSavedFileResult } from '@shared/bridge';

/** Extensions of the files the app saves that a viewer may open: documents only. */
export const OPENABLE_EXTENSIONS: ReadonlySet<string> = new Set(['.pdf']);

/** Opens a path with the system's default program; resolves to an error message, '' on success (shell.openPath). */
export type OpenPath = (path: string) => Promise<string>;

/** Ids of saved files, oldest dropped first beyond this many: a session saves a few dozen at most. */
const MAX_REMEMBERED = 200;

export class SavedFiles {
  private readonly paths = new Map<string, string>();

  constructor(
    private readonly openPath: OpenPath,
    private readonly isFile: (path: string) => Promise<boolean> = async (path) => (await stat(path)).isFile(),
  ) {}

  /** Remembers a path main has just written, and returns the id the renderer may use to open it. */
  remember(path: string): string {
    const id = randomUUID();
    this.paths.set(id, path);
    if (this.paths.size > MAX_REMEMBERED) {
      const oldest = this.paths.keys().next();
      if (!oldest.done) this.paths.delete(oldest.value);
    }
    return id;
  }

  /** Opens a file saved this session with the system's viewer; `opened: false` for anything else. */
  async open(request: OpenSavedFileRequest): Promise<OpenSavedFileResult> {
    const path = this.paths.get(request.savedFileId);
    if (path === undefined) return { opened: false };
    if (!OPENABLE_EXTENSIONS.has(nodePath.extname(path).toLowerCase())) return { opened: false };
    try {
      if (!(await this.isFile(path))) return { opened: false };
    } catch {
      // Deleted or moved since it was saved.
      return { opened: false };
    }
    return { opened: (await this.openPath(path)) === '' };
  }
}
