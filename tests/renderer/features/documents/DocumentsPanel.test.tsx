// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DocumentsPanel } from '@renderer/features/documents/DocumentsPanel';
import { makeBatch } from '@tests/fixtures/batches';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';

/** Clicks `button` until `text` shows: the panel learns that the batch has nobody a moment after it opens. */
async function clickUntil(button: string, text: string): Promise<void> {
  await waitFor(
    () => {
      const target = screen.getByRole('button', { name: button });
      if (!target.hasAttribute('disabled')) fireEvent.click(target);
      expect(screen.getByText(text)).toBeTruthy();
    },
    { timeout: 4000 },
  );
}

describe('documents panel of a batch with no passengers', () => {
  it('says there is nothing to print instead of making blank pages', async () => {
    await freshDatabaseWithOperator();
    render(<DocumentsPanel batch={makeBatch()} route={null} />);
    await screen.findByRole('button', { name: '预览乘客名单' });
    await clickUntil('预览乘客名单', '这个批次还没有乘客，“乘客名单”没有可打印的内容。');
    await clickUntil('保存登车卡', '这个批次还没有乘客，“登车卡”没有可打印的内容。');
    // The whole panel renders in jsdom: slow on a busy machine, hence more than the default 5 s.
  }, 30_000);
});
