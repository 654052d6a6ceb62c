import { describe, expect, it } from 'vitest';
import { validateRequest } from '@electron/main/ipc-validation';
import { MAX_FILE_BYTES, type OpenFileRequest, type SaveFileRequest } from '@shared/bridge';

function makeSaveRequest(overrides: Partial<Record<keyof SaveFileRequest, unknown>> = {}): Record<string, unknown> {
  return {
    suggestedName: '专列名单 2025-03-01.pdf',
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    data: new Uint8Array([37, 80, 68, 70]),
    ...overrides,
  };
}

function makeOpenRequest(overrides: Partial<Record<keyof OpenFileRequest, unknown>> = {}): Record<string, unknown> {
  return { filters: [{ name: 'Roster', extensions: ['csv', 'xlsx'] }], maxBytes: 20 * 1024 * 1024, ...overrides };
}

/** A real Uint8Array that claims a size, so the limit is tested without allocating 256 MB. */
function bytesClaiming(byteLength: number): Uint8Array {
  return Object.defineProperty(new Uint8Array(4), 'byteLength', { get: () => byteLength });
}

function expectRefused(result: ReturnType<typeof validateRequest>, channel: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error).toContain(channel);
  expect(result.error.length).toBeLessThanOrEqual(400);
  return result.error;
}

describe('validateRequest: saveFile', () => {
  it('accepts a well-formed request and returns it parsed', () => {
    const request = makeSaveRequest();
    const result = validateRequest('saveFile', request);
    expect(result).toEqual({ ok: true, value: request });
  });

  it('accepts a Node Buffer, which is a Uint8Array', () => {
    expect(validateRequest('saveFile', makeSaveRequest({ data: Buffer.from('%PDF') })).ok).toBe(true);
  });

  it('accepts bytes of exactly MAX_FILE_BYTES', () => {
    expect(validateRequest('saveFile', makeSaveRequest({ data: bytesClaiming(MAX_FILE_BYTES) })).ok).toBe(true);
  });

  it('refuses bytes above MAX_FILE_BYTES', () => {
    const error = expectRefused(
      validateRequest('saveFile', makeSaveRequest({ data: bytesClaiming(MAX_FILE_BYTES + 1) })),
      'planner:save-file',
    );
    expect(error).toContain('data');
  });

  it.each([
    ['an object that fakes byteLength', { byteLength: 3, 0: 1, 1: 2, 2: 3 }],
    ['an ArrayBuffer', new ArrayBuffer(4)],
    ['a DataView', new DataView(new ArrayBuffer(4))],
    ['a Uint16Array', new Uint16Array(2)],
    ['a plain array of numbers', [37, 80, 68, 70]],
    ['a string', '%PDF'],
    ['null', null],
    ['undefined', undefined],
  ])('refuses data that is %s', (_, data) => {
    expectRefused(validateRequest('saveFile', makeSaveRequest({ data })), 'planner:save-file');
  });

  it.each([
    '../../x.pdf',
    '..\\..\\x.pdf',
    '..',
    '.',
    '..x.pdf',
    'C:\\x.pdf',
    'C:x.pdf',
    'a/b.pdf',
    '/etc/passwd',
    '\\\\server\\share\\x.pdf',
    'x\u0000.pdf',
    'x\n.pdf',
    'x?.pdf',
    'x*.pdf',
    'x|y.pdf',
    ' x.pdf',
    'x.pdf ',
    'x.pdf.',
    '',
    'a'.repeat(201),
  ])('refuses the suggested name %j', (suggestedName) => {
    expectRefused(validateRequest('saveFile', makeSaveRequest({ suggestedName })), 'planner:save-file');
  });

  it.each(['名单.pdf', 'backup 2025-03-01.json', '.hidden.csv', 'a'.repeat(200)])(
    'accepts the plain file name %j',
    (suggestedName) => {
      expect(validateRequest('saveFile', makeSaveRequest({ suggestedName })).ok).toBe(true);
    },
  );

  const pdf = { name: 'PDF', extensions: ['pdf'] };
  it.each([
    ['an extension with a dot', [{ name: 'PDF', extensions: ['.pdf'] }]],
    ['a wildcard extension', [{ name: 'All', extensions: ['*'] }]],
    ['an extension with a path', [{ name: 'PDF', extensions: ['../pdf'] }]],
    ['no extensions', [{ name: 'PDF', extensions: [] }]],
    ['extensions as a string', [{ name: 'PDF', extensions: 'pdf' }]],
    ['an empty name', [{ name: '', extensions: ['pdf'] }]],
    ['more than ten filters', Array.from({ length: 11 }, () => pdf)],
    ['filters as an object', pdf],
  ])('refuses filters with %s', (_, filters) => {
    expectRefused(validateRequest('saveFile', makeSaveRequest({ filters })), 'planner:save-file');
  });

  it('refuses extra keys, which could smuggle a path past the contract', () => {
    const error = expectRefused(
      validateRequest('saveFile', { ...makeSaveRequest(), path: '/home/user/.bashrc' }),
      'planner:save-file',
    );
    expect(error).not.toContain('.bashrc');
  });

  it('refuses a __proto__ key that arrived as data', () => {
    const request = { ...makeSaveRequest(), ...(JSON.parse('{"__proto__": {"polluted": true}}') as object) };
    expectRefused(validateRequest('saveFile', request), 'planner:save-file');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each(['suggestedName', 'filters', 'data'] as const)('refuses a request without %s', (field) => {
    const { [field]: _removed, ...request } = makeSaveRequest();
    const error = expectRefused(validateRequest('saveFile', request), 'planner:save-file');
    expect(error).toContain(field);
  });

  it('refuses numbers where strings belong', () => {
    expectRefused(validateRequest('saveFile', makeSaveRequest({ suggestedName: 42 })), 'planner:save-file');
    expectRefused(
      validateRequest('saveFile', makeSaveRequest({ filters: [{ name: 1, extensions: [2] }] })),
      'planner:save-file',
    );
  });

  it.each([null, undefined, 'save', 42, [], new Uint8Array(4)])(
    'refuses a request that is not an object: %j',
    (request) => {
      expectRefused(validateRequest('saveFile', request), 'planner:save-file');
    },
  );

  it('never echoes the rejected value, however large', () => {
    const secret = `SECRET-${'x'.repeat(10_000)}`;
    const error = expectRefused(
      validateRequest('saveFile', makeSaveRequest({ suggestedName: `../${secret}` })),
      'planner:save-file',
    );
    expect(error).not.toContain('SECRET');
    const huge = expectRefused(
      validateRequest('saveFile', { ...makeSaveRequest(), [secret]: secret }),
      'planner:save-file',
    );
    expect(huge).not.toContain('SECRET');
  });

  it('keeps the message short when many fields are wrong', () => {
    const error = expectRefused(
      validateRequest('saveFile', { suggestedName: 1, filters: 2, data: 3, a: 4, b: 5 }),
      'planner:save-file',
    );
    expect(error).toContain('more');
  });
});

describe('validateRequest: openFile', () => {
  it('accepts a well-formed request', () => {
    expect(validateRequest('openFile', makeOpenRequest())).toEqual({ ok: true, value: makeOpenRequest() });
  });

  it('accepts maxBytes of exactly MAX_FILE_BYTES', () => {
    expect(validateRequest('openFile', makeOpenRequest({ maxBytes: MAX_FILE_BYTES })).ok).toBe(true);
  });

  it.each([0, -1, 1.5, MAX_FILE_BYTES + 1, Number.NaN, Number.POSITIVE_INFINITY, '1024', null, 10n])(
    'refuses maxBytes %s',
    (maxBytes) => {
      expectRefused(validateRequest('openFile', makeOpenRequest({ maxBytes })), 'planner:open-file');
    },
  );

  it('refuses a request that names a path to open', () => {
    expectRefused(
      validateRequest('openFile', { ...makeOpenRequest(), defaultPath: 'C:\\Windows' }),
      'planner:open-file',
    );
  });

  it.each(['filters', 'maxBytes'] as const)('refuses a request without %s', (field) => {
    const { [field]: _removed, ...request } = makeOpenRequest();
    expectRefused(validateRequest('openFile', request), 'planner:open-file');
  });
});

describe('validateRequest: appInfo', () => {
  it('accepts no payload', () => {
    expect(validateRequest('appInfo', undefined)).toEqual({ ok: true, value: undefined });
  });

  it.each([null, {}, 'x', 0])('refuses any payload: %j', (payload) => {
    expectRefused(validateRequest('appInfo', payload), 'planner:app-info');
  });
});
