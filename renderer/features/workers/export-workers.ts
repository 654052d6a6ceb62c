import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { Language } from '@shared/domain/records';
import { workersFile, type RosterFormat } from '@shared/roster';
import { workerDirectory, type DirectoryQuery } from '../../db';
import { platform } from '../../platform';
import { todayCalendarDate } from '@shared/dates';
import { safeFileName } from '@shared/file-name';

/** Saves the workers the list shows (its search and filters, in its order) as a file that imports again. */
export async function exportWorkers(
  query: DirectoryQuery,
  format: RosterFormat,
  t: TFunction,
  language: Language,
): Promise<void> {
  const directory = workerDirectory();
  const { total } = await directory.page(query, 0, 0);
  const { rows } = await directory.page(query, 0, total);
  const file = await workersFile(rows, format, language);
  const result = await platform.saveFile({
    suggestedName: safeFileName([t('workers.title'), todayCalendarDate()], format),
    filters: [{ name: format === 'xlsx' ? 'Excel' : 'CSV', extensions: [format] }],
    data: file.bytes,
  });
  if (result.saved) notifications.show({ color: 'teal', message: t('workers.exported', { count: rows.length }) });
}
