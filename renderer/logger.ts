/**
 * The app's one logger (no bare console.log: eslint's no-console rule). Errors and warnings go to the developer
 * console; nothing personal should be passed in.
 */
/* eslint-disable no-console -- this module is the one place allowed to write to the console */
export const logger = {
  warn: (message: string, detail?: unknown): void => console.warn(`[planner] ${message}`, detail ?? ''),
  error: (message: string, detail?: unknown): void => console.error(`[planner] ${message}`, detail ?? ''),
};
