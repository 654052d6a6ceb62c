import { describe, expect, it } from 'vitest';
import { logFileSink, rotatedName, rotateIfFull, type LogFiles } from '@electron/main/log-file';

const LOG = '/logs/main.log';

/** Files in a map: what the rotation does, with no disk. */
function memoryFiles(initial: Record<string, string> = {}): LogFiles & { files: Map<string, string> } {
  const files = new Map(Object.entries(initial));
  return {
    files,
    size: (path) => (files.has(path) ? Buffer.byteLength(files.get(path) ?? '') : null),
    append: (path, text) => {
      files.set(path, (files.get(path) ?? '') + text);
    },
    rename: (from, to) => {
      const text = files.get(from);
      if (text === undefined) throw new Error(`ENOENT ${from}`);
      files.set(to, text);
      files.delete(from);
    },
    remove: (path) => {
      files.delete(path);
    },
    makeFolder: () => undefined,
  };
}

describe('the log file', () => {
  it('names the older files main.1.log, main.2.log…', () => {
    expect(rotatedName(LOG, 1)).toBe('/logs/main.1.log');
    expect(rotatedName(LOG, 3)).toBe('/logs/main.3.log');
  });

  it('appends lines until the file is full, then starts a new one and keeps the old', () => {
    const files = memoryFiles();
    const sink = logFileSink(files, LOG, { maxBytes: 20, keep: 3 });
    sink('info', 'first line');
    sink('warn', 'second');
    expect(files.files.get(LOG)).toBe('first line\nsecond\n');
    sink('error', 'third line');
    expect(files.files.get(LOG)).toBe('third line\n');
    expect(files.files.get('/logs/main.1.log')).toBe('first line\nsecond\n');
  });

  it('keeps the newest three older files and deletes the oldest', () => {
    const files = memoryFiles({
      [LOG]: 'newest',
      '/logs/main.1.log': 'one',
      '/logs/main.2.log': 'two',
      '/logs/main.3.log': 'three',
    });
    expect(rotateIfFull(files, LOG, 10, { maxBytes: 10, keep: 3 })).toBe(true);
    expect(Object.fromEntries(files.files)).toEqual({
      '/logs/main.1.log': 'newest',
      '/logs/main.2.log': 'one',
      '/logs/main.3.log': 'two',
    });
  });

  it('rotates with gaps in the older files (one deleted by hand)', () => {
    const files = memoryFiles({ [LOG]: 'x'.repeat(10), '/logs/main.2.log': 'two' });
    rotateIfFull(files, LOG, 1, { maxBytes: 10, keep: 3 });
    expect(Object.fromEntries(files.files)).toEqual({ '/logs/main.1.log': 'x'.repeat(10), '/logs/main.3.log': 'two' });
  });

  it('does not rotate a file with room left, an empty file, or no file', () => {
    expect(rotateIfFull(memoryFiles({ [LOG]: 'abc' }), LOG, 5, { maxBytes: 10, keep: 3 })).toBe(false);
    expect(rotateIfFull(memoryFiles({ [LOG]: '' }), LOG, 50, { maxBytes: 10, keep: 3 })).toBe(false);
    expect(rotateIfFull(memoryFiles(), LOG, 50, { maxBytes: 10, keep: 3 })).toBe(false);
  });

  it('counts bytes, not characters: Chinese lines fill the file three times as fast', () => {
    const files = memoryFiles();
    const sink = logFileSink(files, LOG, { maxBytes: 12, keep: 1 });
    sink('info', '备份失败');
    sink('info', '恢复');
    expect(files.files.get(LOG)).toBe('恢复\n');
  });

  it('never throws when the disk refuses the line', () => {
    const files = memoryFiles();
    files.append = () => {
      throw new Error('ENOSPC');
    };
    const sink = logFileSink(files, LOG);
    expect(() => sink('error', 'disk full')).not.toThrow();
  });
});
