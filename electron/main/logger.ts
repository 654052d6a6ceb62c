/**
 * The main process's one logger: the rest of electron/ logs through it, never through console.
 * Lines are short and clipped, because what gets logged (refused URLs, channel names) can come
 * from an untrusted renderer.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export type LogDetails = Readonly<Record<string, string | number | boolean | undefined>>;

export type Logger = { readonly [L in LogLevel]: (message: string, details?: LogDetails) => void };

/** Receives finished lines; the default writes to the console. */
export type LogSink = (level: LogLevel, line: string) => void;

const MAX_DETAIL_LENGTH = 200;

/** Shortens text that may come from a renderer, so a hostile URL cannot flood the log. */
export function clip(text: string, max: number = MAX_DETAIL_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// Console rather than process.stderr.write: Node's console swallows EPIPE when the terminal that
// started the app has gone away, where a raw stream write would crash main with an error dialog.
/* eslint-disable no-console -- this sink is the one place in electron/ allowed to write to the console */
export const consoleSink: LogSink = (level, line) => {
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.info(line);
};
/* eslint-enable no-console */

function format(scope: string, level: LogLevel, message: string, details: LogDetails | undefined): string {
  const parts = [new Date().toISOString(), level.toUpperCase(), `[${scope}]`, message];
  for (const [key, value] of Object.entries(details ?? {})) {
    if (value !== undefined) parts.push(`${key}=${JSON.stringify(typeof value === 'string' ? clip(value) : value)}`);
  }
  return parts.join(' ');
}

/** A sink that hands every line to each of `sinks` (the console and the log file). */
export function everySink(...sinks: readonly LogSink[]): LogSink {
  return (level, line) => {
    for (const sink of sinks) sink(level, line);
  };
}

export function createLogger(scope: string, sink: LogSink = consoleSink): Logger {
  return {
    info: (message, details) => sink('info', format(scope, 'info', message, details)),
    warn: (message, details) => sink('warn', format(scope, 'warn', message, details)),
    error: (message, details) => sink('error', format(scope, 'error', message, details)),
  };
}

/** A message for the log from anything thrown, without stack traces of renderer-supplied data. */
export function describeError(error: unknown): string {
  return clip(error instanceof Error ? error.message : String(error));
}
