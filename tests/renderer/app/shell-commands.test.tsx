// @vitest-environment jsdom
/**
 * The desktop menu's commands as the renderer routes them (issue 21): Print runs the print of the
 * page on screen or says there is none; Back up and Restore open the settings page and reach the
 * backups card; a backup file opened from outside the app opens the card's restore dialog with the
 * bytes main offered, read by the id it sent.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes } from 'react-router-dom';
import type { ShellCommand } from '@shared/bridge';
import type * as PlatformShell from '@renderer/platform/shell';
import type { PlannerDatabase } from '@renderer/db';
import { useShellCommands } from '@renderer/app/shell-commands';
import { usePrintAction } from '@renderer/components/print-action';
import { takeBackupRequests, type BackupRequest } from '@renderer/features/settings/backup-requests';
import { SettingsPage } from '@renderer/features/settings/SettingsPage';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';

const shell = vi.hoisted(() => ({
  listeners: new Set<(command: ShellCommand) => void>(),
  readOfferedBackup: vi.fn<(id: string) => Promise<{ fileName: string; data: Uint8Array } | null>>(),
}));
vi.mock('@renderer/platform/shell', async (importOriginal) => ({
  ...(await importOriginal<typeof PlatformShell>()),
  onShellCommand: (listener: (command: ShellCommand) => void) => {
    shell.listeners.add(listener);
    return () => shell.listeners.delete(listener);
  },
  readOfferedBackup: shell.readOfferedBackup,
}));

Object.assign(globalThis, { __APP_VERSION__: '0.0.0-test' });

function send(command: ShellCommand): void {
  act(() => {
    for (const listener of shell.listeners) listener(command);
  });
}

function Commands() {
  useShellCommands();
  return null;
}

function PrintablePage({ print }: { print: () => void }) {
  usePrintAction(print);
  return <p>可打印的页面</p>;
}

let taken: BackupRequest[] = [];

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('王调度');
  taken = [];
});
afterEach(() => {
  db.close();
  shell.listeners.clear();
});

describe('the menu’s Print', () => {
  it('runs the print of the page on screen', async () => {
    const print = vi.fn();
    render(
      <>
        <Commands />
        <PrintablePage print={print} />
      </>,
    );
    await screen.findByText('可打印的页面');
    send({ command: 'print' });
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('says so, in the person’s language, on a page with nothing to print', async () => {
    render(<Commands />, { language: 'en' });
    send({ command: 'print' });
    expect(await screen.findByText(/This page has nothing to print/)).toBeTruthy();
  });
});

describe('the menu’s Back up and Restore', () => {
  it('open the settings page and hand the request to the backups card', async () => {
    render(
      <>
        <Commands />
        <Routes>
          <Route path="/" element={<p>首页内容</p>} />
          <Route path="/settings" element={<p>设置页</p>} />
        </Routes>
      </>,
    );
    await screen.findByText('首页内容');
    send({ command: 'back-up' });
    await screen.findByText('设置页');
    // The card was not shown when the request came: it waits, and the card takes it when shown.
    const later = takeBackupRequests((request) => taken.push(request));
    expect(taken).toEqual([{ kind: 'back-up' }]);
    send({ command: 'restore' });
    expect(taken).toEqual([{ kind: 'back-up' }, { kind: 'restore' }]);
    later();
  });
});

describe('a backup file opened from outside the app', () => {
  it('opens the restore dialog on the settings page with the file main offered', async () => {
    shell.readOfferedBackup.mockResolvedValue({
      fileName: '备份 2026-12-08.ptpbackup',
      data: new TextEncoder().encode('not really a backup'),
    });
    render(
      <>
        <Commands />
        <Routes>
          <Route path="/" element={<p>首页内容</p>} />
          <Route path="/settings" element={<SettingsPage />} />
        </Routes>
      </>,
      { dataRouter: true },
    );
    await screen.findByText('首页内容');
    const offeredFileId = '0b5c3f4e-8f7a-4d2b-9c1e-2a3b4c5d6e7f';
    send({ command: 'restore-file', offeredFileId });
    expect(await screen.findByRole('dialog', { name: '恢复备份' })).toBeTruthy();
    expect(shell.readOfferedBackup).toHaveBeenCalledWith(offeredFileId);
  });

  it('says the file is gone when main can no longer read it', async () => {
    shell.readOfferedBackup.mockResolvedValue(null);
    render(
      <>
        <Commands />
        <Routes>
          <Route path="/" element={<p>首页内容</p>} />
          <Route path="/settings" element={<SettingsPage />} />
        </Routes>
      </>,
      { dataRouter: true },
    );
    await screen.findByText('首页内容');
    send({ command: 'restore-file', offeredFileId: '0b5c3f4e-8f7a-4d2b-9c1e-2a3b4c5d6e7f' });
    await waitFor(() => expect(screen.getByText(/打不开这个备份文件/)).toBeTruthy());
  });
});
