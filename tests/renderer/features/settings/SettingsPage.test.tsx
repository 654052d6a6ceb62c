// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Link, Route, Routes } from 'react-router-dom';
import type { PlannerDatabase } from '@renderer/db';
import { SettingsPage } from '@renderer/features/settings/SettingsPage';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';

// The build names the version (electron.config.ts); the storage card shows it.
Object.assign(globalThis, { __APP_VERSION__: '0.0.0-test' });

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('王调度');
});
afterEach(() => db.close());

const app = (
  <>
    <Link to="/">首页</Link>
    <Routes>
      <Route path="/" element={<p>首页内容</p>} />
      <Route path="/settings" element={<SettingsPage />} />
    </Routes>
  </>
);

/** Whether closing or reloading the tab now would make the browser ask. */
function closingAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('the settings page with changes not saved', { timeout: 30_000 }, () => {
  it('asks before leaving: staying keeps the typing, leaving goes on', async () => {
    render(app, { route: '/settings', dataRouter: true });
    const name = await screen.findByLabelText('操作员姓名');
    expect(closingAsks()).toBe(false);
    fireEvent.change(name, { target: { value: '李干事' } });

    fireEvent.click(screen.getByRole('link', { name: '首页' }));
    expect(await screen.findByText('有修改还没有保存')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '留下继续编辑' }));
    await waitFor(() => expect(screen.queryByText('有修改还没有保存')).toBeNull());
    expect(screen.getByLabelText('操作员姓名')).toHaveProperty('value', '李干事');
    expect(closingAsks()).toBe(true);

    fireEvent.click(screen.getByRole('link', { name: '首页' }));
    fireEvent.click(await screen.findByRole('button', { name: '不保存，离开' }));
    expect(await screen.findByText('首页内容')).toBeTruthy();
    expect(closingAsks()).toBe(false);
  });

  it('leaves without asking when nothing was changed, and asks in English too', async () => {
    const { unmount } = render(app, { route: '/settings', dataRouter: true });
    await screen.findByLabelText('操作员姓名');
    fireEvent.click(screen.getByRole('link', { name: '首页' }));
    expect(await screen.findByText('首页内容')).toBeTruthy();
    unmount();

    render(app, { route: '/settings', language: 'en', dataRouter: true });
    fireEvent.change(await screen.findByLabelText('Operator name'), { target: { value: 'Li' } });
    fireEvent.click(screen.getByRole('link', { name: '首页' }));
    expect(await screen.findByText('Changes not saved')).toBeTruthy();
  });
});

describe('the version', () => {
  it('is shown on the settings page, as the build names it', async () => {
    render(app, { route: '/settings', dataRouter: true });
    expect(await screen.findByText('版本: 0.0.0-test')).toBeTruthy();
  });
});
