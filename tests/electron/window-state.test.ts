import { describe, expect, it } from 'vitest';
import {
  debouncedSaver,
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  parseWindowState,
  placeWindow,
  readWindowState,
  stateToSave,
  writeWindowState,
  type StateFiles,
  type WindowState,
} from '@electron/main/window-state';

const PRIMARY = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT = { x: 1920, y: 0, width: 1600, height: 860 };
const TWO_SCREENS = { primary: PRIMARY, workAreas: [PRIMARY, RIGHT] };
const ONE_SCREEN = { primary: PRIMARY, workAreas: [PRIMARY] };

function saved(overrides: Partial<WindowState> = {}): WindowState {
  return { x: 2000, y: 40, width: 1300, height: 760, maximized: false, ...overrides };
}

function memoryFiles(initial: Record<string, string> = {}): StateFiles & { files: Map<string, string> } {
  const files = new Map(Object.entries(initial));
  return {
    files,
    read: (path) => files.get(path) ?? null,
    write: (path, text) => {
      files.set(path, text);
    },
  };
}

describe('where the window opens', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    expect(placeWindow(null, ONE_SCREEN)).toEqual({
      ...DEFAULT_WINDOW_SIZE,
      x: (1920 - 1280) / 2,
      y: (1040 - 800) / 2,
      maximized: false,
    });
  });

  it('opens where it was, on the second display, when that display is still there', () => {
    expect(placeWindow(saved(), TWO_SCREENS)).toEqual(saved());
  });

  it('comes back to the primary display, centred, when the display it was on is unplugged', () => {
    const place = placeWindow(saved(), ONE_SCREEN);
    expect(place).toEqual({ x: (1920 - 1300) / 2, y: (1040 - 760) / 2, width: 1300, height: 760, maximized: false });
  });

  it('does not keep a place where only a sliver of the title bar would show', () => {
    // 20 pixels of the window reach onto the primary display, the rest off its left edge.
    const place = placeWindow(saved({ x: -1280, y: 100 }), ONE_SCREEN);
    expect(place.x).toBe((1920 - 1300) / 2);
  });

  it('never opens smaller than the minimum size, even from a damaged or tiny saved size', () => {
    const place = placeWindow(saved({ x: 100, y: 100, width: 300, height: 200 }), ONE_SCREEN);
    expect(place.width).toBe(MIN_WINDOW_SIZE.width);
    expect(place.height).toBe(MIN_WINDOW_SIZE.height);
  });

  it('shrinks a window larger than the display it opens on to that display', () => {
    const place = placeWindow(saved({ x: 1920, y: 0, width: 3000, height: 2000 }), TWO_SCREENS);
    expect(place).toMatchObject({ width: RIGHT.width, height: RIGHT.height });
  });

  it('keeps a maximized window maximized, on its own display or on the primary one', () => {
    expect(placeWindow(saved({ maximized: true }), TWO_SCREENS).maximized).toBe(true);
    expect(placeWindow(saved({ maximized: true }), ONE_SCREEN).maximized).toBe(true);
  });
});

describe('the saved window state', () => {
  it('saves the place the window has when not maximized, in whole pixels', () => {
    expect(stateToSave({ x: 10.4, y: 20.6, width: 1300, height: 760 }, true)).toEqual({
      x: 10,
      y: 21,
      width: 1300,
      height: 760,
      maximized: true,
    });
  });

  it('reads back what it wrote', () => {
    const files = memoryFiles();
    expect(writeWindowState(files, '/data/window-state.json', saved())).toBeNull();
    expect(readWindowState(files, '/data/window-state.json')).toEqual(saved());
  });

  it.each([
    ['no file', null],
    ['a damaged file', '{"x": 10, "y":'],
    ['another shape', '{"x":"10","y":0,"width":1300,"height":760,"maximized":false}'],
    ['extra keys', '{"x":10,"y":0,"width":1300,"height":760,"maximized":false,"path":"/etc"}'],
    ['a zero width', '{"x":10,"y":0,"width":0,"height":760,"maximized":false}'],
    ['absurd numbers', '{"x":1e308,"y":0,"width":1300,"height":760,"maximized":false}'],
  ])('treats %s as nothing saved', (_, text) => {
    expect(parseWindowState(text)).toBeNull();
  });

  it('reports a failed save instead of throwing (a read-only data folder)', () => {
    const files: StateFiles = {
      read: () => null,
      write: () => {
        throw new Error('EROFS');
      },
    };
    expect(writeWindowState(files, '/data/window-state.json', saved())?.message).toBe('EROFS');
  });

  it('saves once after a burst of moves, with the last place, and at once when the window closes', () => {
    const timers: (() => void)[] = [];
    const writes: WindowState[] = [];
    const saver = debouncedSaver((state) => writes.push(state), 500, {
      set: (run) => timers.push(run) - 1,
      clear: (handle) => {
        timers[handle] = () => undefined;
      },
    });
    saver.schedule(() => saved({ x: 1 }));
    saver.schedule(() => saved({ x: 2 }));
    saver.schedule(() => saved({ x: 3 }));
    for (const run of timers) run();
    expect(writes).toEqual([saved({ x: 3 })]);

    saver.schedule(() => saved({ x: 4 }));
    saver.flush();
    expect(writes).toEqual([saved({ x: 3 }), saved({ x: 4 })]);
    // Nothing left to save: the timer of the flushed save writes nothing more.
    for (const run of timers) run();
    saver.flush();
    expect(writes).toHaveLength(2);
  });
});
