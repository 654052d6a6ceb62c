import { describe, expect, it } from 'vitest';
import { clip, createLogger, describeError, type LogLevel } from '@electron/main/logger';

function capture() {
  const lines: { level: LogLevel; line: string }[] = [];
  const log = createLogger('main', (level, line) => lines.push({ level, line }));
  return { log, lines };
}

describe('the main-process logger', () => {
  it('writes one line with time, level, scope, message and details', () => {
    const { log, lines } = capture();
    log.warn('refused navigation', { url: 'https://evil.example/', attempt: 2, blocked: true, missing: undefined });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('warn');
    expect(lines[0]?.line).toMatch(
      /^\d{4}-\d{2}-\d{2}T\S+ WARN \[main\] refused navigation url="https:\/\/evil.example\/" attempt=2 blocked=true$/,
    );
  });

  it('clips long values that may come from a renderer', () => {
    const { log, lines } = capture();
    log.info('x', { url: `app://planner/${'a'.repeat(10_000)}` });
    expect(lines[0]?.line.length).toBeLessThan(300);
  });

  it('keeps a forged log line on one line', () => {
    const { log, lines } = capture();
    log.error('failed', { url: 'x\n2025-01-01T00:00:00.000Z INFO [main] all good' });
    expect(lines[0]?.line).not.toContain('\n');
  });
});

describe('clip and describeError', () => {
  it('leaves short text alone and ends long text with an ellipsis', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('0123456789abc', 10)).toBe('012345678…');
  });

  it('describes errors by message only', () => {
    expect(describeError(new Error('file-too-large'))).toBe('file-too-large');
    expect(describeError('plain')).toBe('plain');
  });
});
