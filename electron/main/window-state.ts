/**
 * The window's size and place, remembered between starts (issue 21): a small JSON file in the data
 * folder, read and checked here, and where to open the window given the displays there are now.
 * No Electron: main passes the displays' work areas and a file system, tests pass their own.
 */
import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rectangle {
  maximized: boolean;
}

/** The file's name in the data folder. */
export const WINDOW_STATE_FILE = 'window-state.json';
/** The size of the first window, and of any whose saved size can not be used. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
/** Below this the pages' tables and forms no longer fit. */
export const MIN_WINDOW_SIZE = { width: 1024, height: 680 } as const;

/**
 * How much of the window's top edge must lie on one display for the saved place to be used: enough
 * of the title bar to take hold of it and drag the window back.
 */
const GRIP = { width: 120, height: 30 } as const;

/** Pixel numbers a display can have: whole, and far below anything that would overflow. */
const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

const windowStateSchema = z
  .object({ x: coordinate, y: coordinate, width: length, height: length, maximized: z.boolean() })
  .strict();

/** The saved state, or null when the file is missing, damaged or from something else. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** The display whose work area holds enough of the window's title bar, if any. */
function displayShowing(bounds: Rectangle, workAreas: readonly Rectangle[]): Rectangle | undefined {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: GRIP.height };
  return workAreas.find((area) => {
    const shown = overlap(titleBar, area);
    return shown.width >= Math.min(GRIP.width, bounds.width) && shown.height >= GRIP.height;
  });
}

/** A length no smaller than the minimum, and no larger than the display unless the minimum is. */
function fitted(saved: number, minimum: number, available: number): number {
  return Math.max(minimum, Math.min(saved, available));
}

/**
 * Where the window opens: the saved place when its title bar is still on one of the displays (a
 * monitor unplugged since then, or a lower resolution, and it is not), otherwise the saved (or the
 * default) size centred on the primary display; never smaller than the minimum size. A maximized
 * window opens maximized, over the place it had before it was maximized.
 */
export function placeWindow(
  saved: WindowState | null,
  displays: { primary: Rectangle; workAreas: readonly Rectangle[] },
): WindowState {
  const { primary } = displays;
  const wanted = saved ?? { ...DEFAULT_WINDOW_SIZE, x: 0, y: 0, maximized: false };
  const showing = saved === null ? undefined : displayShowing(saved, displays.workAreas);
  const area = showing ?? primary;
  const width = fitted(wanted.width, MIN_WINDOW_SIZE.width, area.width);
  const height = fitted(wanted.height, MIN_WINDOW_SIZE.height, area.height);
  if (showing !== undefined && saved !== null) {
    return { x: saved.x, y: saved.y, width, height, maximized: saved.maximized };
  }
  return {
    x: Math.round(primary.x + (primary.width - width) / 2),
    y: Math.round(primary.y + (primary.height - height) / 2),
    width,
    height,
    maximized: wanted.maximized,
  };
}

/** What is saved: the place the window has when not maximized, and whether it is maximized. */
export function stateToSave(normalBounds: Rectangle, maximized: boolean): WindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.round(normalBounds.width),
    height: Math.round(normalBounds.height),
    maximized,
  };
}

/** The file operations the state needs; main passes node:fs, tests a map. */
export interface StateFiles {
  read(path: string): string | null;
  /** Writes the whole text, replacing the file only once it is written. */
  write(path: string, text: string): void;
}

/** The saved state; null when there is none or it can not be read. */
export function readWindowState(files: StateFiles, path: string): WindowState | null {
  try {
    return parseWindowState(files.read(path));
  } catch {
    return null;
  }
}

/** Saves the state; a failure (a full disk, a read-only folder) is reported, never thrown. */
export function writeWindowState(files: StateFiles, path: string, state: WindowState): Error | null {
  try {
    files.write(path, JSON.stringify(state));
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** A timer as main uses it: setTimeout and clearTimeout, passed in so tests can run it by hand. */
export interface Timers<Handle> {
  set(run: () => void, delayMs: number): Handle;
  clear(handle: Handle): void;
}

/**
 * Saves after the window has stopped moving or resizing for `delayMs` (a drag fires dozens of
 * events), and at once on `flush` (when the window closes).
 */
export function debouncedSaver<Handle>(
  save: (state: WindowState) => void,
  delayMs: number,
  timers: Timers<Handle>,
): { schedule: (state: () => WindowState) => void; flush: () => void } {
  let pending: { handle: Handle; state: () => WindowState } | null = null;
  const run = () => {
    if (pending === null) return;
    const { state } = pending;
    pending = null;
    save(state());
  };
  return {
    schedule: (state) => {
      if (pending !== null) timers.clear(pending.handle);
      pending = { handle: timers.set(run, delayMs), state };
    },
    flush: () => {
      if (pending !== null) timers.clear(pending.handle);
      run();
    },
  };
}
