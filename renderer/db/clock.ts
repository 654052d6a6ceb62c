/** Time and ids come from here so that tests can reason about them. */
export function now(): string {
  return new Date().toISOString();
}

export function newId(): string {
  return crypto.randomUUID();
}
