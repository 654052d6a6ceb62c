import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { Language } from '@shared/domain/records';
import type { RosterFormat } from '@shared/roster';
import { todayCalendarDate } from '@shared/dates';
import { safeFileName } from '@shared/file-name';
import { workerDirectory, type DirectoryQuery } from '../../db';
import { logger } from '../../logger';
import { platform } from '../../platform';

/**
 * Saves the workers the list shows (its search and filters, in its order) as a file that imports
 * again. The file is written in the workers directory's Web Worker, where the rows are; meanwhile a
 * notice says so and offers to cancel, which drops the file: nothing is saved.
 */
export async function exportWorkers(
  query: DirectoryQuery,
  format: RosterFormat,
  t: TFunction,
  language: Language,
): Promise<void> {
  const id = `export-workers-${crypto.randomUUID()}`;
  let cancelled = false;
  const cancel = () => {
    cancelled = true;
    notifications.update({
      id,
      loading: false,
      color: 'gray',
      title: undefined,
      message: t('workers.exportCancelled'),
      autoClose: 4000,
      withCloseButton: true,
    });
  };
  notifications.show({
    id,
    loading: true,
    autoClose: false,
    withCloseButton: false,
    title: t('workers.exporting'),
    message: (
      <Button size="compact-xs" variant="default" mt={4} onClick={cancel}>
        {t('common.cancel')}
      </Button>
    ),
  });
  try {
    const file = await workerDirectory().exportFile(query, format, language);
    if (cancelled) return;
    notifications.hide(id);
    const result = await platform.saveFile({
      suggestedName: safeFileName([t('workers.title'), todayCalendarDate()], format),
      filters: [{ name: format === 'xlsx' ? 'Excel' : 'CSV', extensions: [format] }],
      data: file.bytes,
    });
    if (result.saved) notifications.show({ color: 'teal', message: t('workers.exported', { count: file.count }) });
  } catch (error) {
    logger.error('exporting the workers failed', error);
    if (cancelled) return;
    notifications.update({
      id,
      loading: false,
      color: 'red',
      title: undefined,
      message: t('workers.exportFailed'),
      autoClose: false,
      withCloseButton: true,
    });
  }
}
