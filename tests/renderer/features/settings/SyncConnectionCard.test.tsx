// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Language, type Settings } from '@shared/domain/records';
import type { ConnectionOutcome } from '@shared/sync/connection';
import { readSyncBinding, type PlannerDatabase } from '@renderer/db';
import { createI18n } from '@renderer/i18n';
import { platform } from '@renderer/platform';
import { SyncConnectionCard, type ConnectionChecker } from '@renderer/features/settings/SyncConnectionCard';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('王调度');
  await platform.forgetSyncPassword();
});
afterEach(() => db.close());

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  organizationName: '凯里市人力资源和社会保障局',
  countyCode: '522601',
  updatedAt: '2026-03-01T02:00:00.000Z',
};

function fill(t: (key: string) => string, values: { url: string; database: string; user: string; password: string }) {
  const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
  type(t('sync.serverUrl'), values.url);
  type(t('sync.database'), values.database);
  type(t('sync.user'), values.user);
  type(t('sync.password'), values.password);
}

async function testWith(language: Language, outcome: ConnectionOutcome) {
  const t = createI18n(language).t;
  let finish: (value: ConnectionOutcome) => void = () => undefined;
  const check = vi.fn<ConnectionChecker>(
    () =>
      new Promise((resolve) => {
        finish = resolve;
      }),
  );
  const view = render(<SyncConnectionCard settings={settings} check={check} />, { language });
  await screen.findByText(t('sync.title'), {}, { timeout: 10_000 });
  fill(t, { url: 'https://sync.example.cn:6984', database: 'county-522601', user: 'office', password: 's3cret' });
  fireEvent.click(screen.getByRole('button', { name: t('sync.test') }));
  expect(await screen.findByText(t('sync.testing'))).toBeTruthy();
  expect(check).toHaveBeenCalledWith(
    { serverUrl: 'https://sync.example.cn:6984', database: 'county-522601', user: 'office' },
    's3cret',
    { code: '522601', name: '凯里市' },
  );
  finish(outcome);
  const shown = await screen.findByTestId('sync-outcome');
  view.unmount();
  return shown.textContent;
}

describe('the sync connection card', () => {
  it('tests the connection and says each outcome in Chinese and in English', async () => {
    expect(await testWith('zh-CN', { kind: 'ok' })).toBe('连接成功：这是本县的数据库。');
    expect(await testWith('en', { kind: 'wrong-password' })).toMatch(/user or password is wrong/);
    expect(await testWith('zh-CN', { kind: 'other-county', countyCode: '522602', countyName: '丹寨县' })).toContain(
      '丹寨县（522602）的数据库',
    );
    expect(await testWith('en', { kind: 'server-error', status: 503 })).toContain('HTTP 503');
    expect(await testWith('en', { kind: 'empty' })).toContain('your county’s (凯里市)');
    expect(await testWith('zh-CN', { kind: 'disk-full' })).toContain('磁盘满了');
  });

  it('saves the binding in the database and the password apart, then tests with the kept password', async () => {
    const t = createI18n('en').t;
    const check = vi.fn<ConnectionChecker>(() => Promise.resolve({ kind: 'empty' }));
    render(<SyncConnectionCard settings={settings} check={check} />, { language: 'en' });
    await screen.findByText(t('sync.title'), {}, { timeout: 10_000 });
    expect(screen.getByText(t('sync.passwordBrowser'))).toBeTruthy();
    fill(t, { url: ' http://192.168.1.10:5984 ', database: 'county-522601', user: 'office', password: 'kept-one' });
    fireEvent.click(screen.getByRole('button', { name: t('sync.save') }));
    expect(await screen.findByText(t('sync.saved'))).toBeTruthy();
    await expect(readSyncBinding()).resolves.toEqual({
      serverUrl: 'http://192.168.1.10:5984',
      database: 'county-522601',
      user: 'office',
    });
    await expect(platform.readSyncPassword()).resolves.toEqual({ password: 'kept-one' });
    expect(JSON.stringify(await db.installation.toArray())).not.toContain('kept-one');

    expect(screen.getByText(t('sync.passwordKept'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('sync.test') }));
    await screen.findByTestId('sync-outcome');
    expect(check).toHaveBeenCalledWith(expect.anything(), 'kept-one', expect.anything());

    fireEvent.click(screen.getByRole('button', { name: t('sync.forget') }));
    expect(await screen.findByText(t('sync.forgotten'))).toBeTruthy();
    await expect(platform.readSyncPassword()).resolves.toBeNull();
  });

  it('refuses to save an address with credentials in it, saying what to do', async () => {
    const t = createI18n('zh-CN').t;
    render(<SyncConnectionCard settings={settings} />);
    await screen.findByText(t('sync.title'), {}, { timeout: 10_000 });
    fill(t, { url: 'https://office:pw@sync.example.cn', database: 'county-522601', user: 'office', password: 'x' });
    fireEvent.click(screen.getByRole('button', { name: t('sync.save') }));
    expect((await screen.findByTestId('sync-outcome')).textContent).toBe(t('sync.problem.url-has-credentials'));
    await expect(readSyncBinding()).resolves.toBeNull();
  });

  it('asks for the county first when Settings have none, and does not test', async () => {
    const t = createI18n('zh-CN').t;
    render(<SyncConnectionCard settings={{ ...settings, countyCode: '' }} />);
    expect(await screen.findByText(t('sync.countyMissing'), {}, { timeout: 10_000 })).toBeTruthy();
    await waitFor(() => {
      expect(screen.getByRole('button', { name: t('sync.test') }).hasAttribute('disabled')).toBe(true);
    });
  });
});
