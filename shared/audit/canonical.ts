/**
 * The canonical text of a value, for hashing audit rows (issue 7). The same value gives the same
 * text whichever way it travelled: stored in IndexedDB (structured clone keeps property order,
 * but a record built elsewhere may list its fields in another order), written to a JSON backup and
 * read back, or restored. So it is JSON with:
 * - object keys sorted by UTF-16 code unit (the same on every machine, unlike `localeCompare`);
 * - properties whose value is `undefined`, a function or a symbol left out, and such values in an
 *   array written `null`, as `JSON.stringify` does, so that a JSON round trip does not change it;
 * - `NaN` and the infinities written `null`, and `-0` written `0`, also as JSON does;
 * - anything with `toJSON` (a `Date`) written as what `toJSON` returns.
 * Strings are written as `JSON.stringify` writes them (a lone surrogate escaped, never replaced).
 */

function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function hasToJson(value: object): value is { toJSON: () => unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function write(value: unknown, out: string[]): void {
  if (value === null || isSkipped(value)) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      out.push(Number.isFinite(value) ? JSON.stringify(value) : 'null');
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'bigint':
      // JSON has no big integers; audit rows never hold one, and a silent conversion would hide a bug.
      throw new TypeError('a bigint has no canonical JSON form');
    default:
      break;
  }
  const object = value as object;
  if (hasToJson(object)) {
    write(object.toJSON(), out);
    return;
  }
  if (Array.isArray(object)) {
    const items = object as unknown[];
    out.push('[');
    // An index loop, not forEach: a hole in a sparse array is written `null`, as JSON does.
    for (let index = 0; index < items.length; index++) {
      if (index > 0) out.push(',');
      write(items[index], out);
    }
    out.push(']');
    return;
  }
  const record = object as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => !isSkipped(record[key]))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  out.push('{');
  keys.forEach((key, index) => {
    if (index > 0) out.push(',');
    out.push(JSON.stringify(key), ':');
    write(record[key], out);
  });
  out.push('}');
}

/** The canonical JSON text of a value: see the module comment. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}
