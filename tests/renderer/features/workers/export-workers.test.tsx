// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exportWorkers } from '@renderer/features/workers/export-workers';
import { platform } from '@renderer/platform';
import { createI18n } from '@renderer/i18n';
import { render } from '@tests/renderer/render';

// jsdom has no Web Workers: the directory's export answers when the test says so.
const pending: { resolve: (file: unknown) => void; reject: (error: unknown) => void }[] = [];
vi.mock('@renderer/db/directory', () => ({
  useDirectoryVersion: () => null,
  workerDirectory: () => ({
    exportFile: () => new Promise((resolve, reject) => pending.push({ resolve, reject })),
  }),
}));

const file = { bytes: new Uint8Array([1, 2, 3]), extension: 'csv', mimeType: 'text/csv', count: 3 };

beforeEach(() => {
  pending.length = 0;
  vi.restoreAllMocks();
});

async function startExport() {
  render(<div />);
  const saveFile = vi.spyOn(platform, 'saveFile').mockResolvedValue({ saved: true });
  const i18n = createI18n('zh-CN');
  const done = exportWorkers({ search: '', sort: 'name', descending: false }, 'csv', i18n.t.bind(i18n), 'zh-CN');
  await screen.findByText('正在导出名单……');
  return { saveFile, done };
}

describe('exporting the list of workers', () => {
  it('says it is exporting, then saves the file the directory wrote and counts the people', async () => {
    const { saveFile, done } = await startExport();
    await act(async () => {
      pending[0]?.resolve(file);
      await done;
    });
    expect(saveFile).toHaveBeenCalledWith(expect.objectContaining({ data: file.bytes }));
    await screen.findByText('已导出 3 人');
  });

  it('saves nothing once cancelled, even when the file comes later', async () => {
    const { saveFile, done } = await startExport();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await screen.findByText('已取消导出，未保存任何文件');
    await act(async () => {
      pending[0]?.resolve(file);
      await done;
    });
    expect(saveFile).not.toHaveBeenCalled();
  });

  it('says in words that it failed, and saves nothing', async () => {
    const { saveFile, done } = await startExport();
    await act(async () => {
      pending[0]?.reject(new Error('out of memory'));
      await done;
    });
    expect(saveFile).not.toHaveBeenCalled();
    await screen.findByText(/导出失败，未保存任何文件/);
  });
});
