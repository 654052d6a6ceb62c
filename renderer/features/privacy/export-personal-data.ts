/**
 * "导出个人数据": everything the planner holds about one person, saved as one JSON file at their
 * request (issue 7), and the export recorded in the audit trail (who, when, which file).
 */
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { todayCalendarDate } from '@shared/dates';
import { safeFileName } from '@shared/file-name';
import { personalDataOf, recordPersonalDataExport } from '../../db';
import { platform } from '../../platform';
import { notifyWriteFailure } from '../../components/write-failure';

/** Saves the person's data; says so when saved, and nothing when the save dialog is cancelled. */
export async function exportPersonalData(workerId: string, t: TFunction): Promise<void> {
  try {
    const data = await personalDataOf(workerId);
    if (!data) {
      notifications.show({ color: 'red', message: t('problems.not-found') });
      return;
    }
    const text = `${JSON.stringify(data, null, 2)}\n`;
    // The `*` of an anonymised name is left out rather than made `_`.
    const name = safeFileName(
      [t('audit.export.fileName'), data.worker.name.replace(/\*/g, ''), todayCalendarDate()],
      'json',
    );
    const result = await platform.saveFile({
      suggestedName: name,
      filters: [{ name: 'JSON', extensions: ['json'] }],
      data: new TextEncoder().encode(text),
    });
    if (!result.saved) return;
    // The name the file was saved under, without the folders of a desktop path.
    const saved = (result.fileName ?? name).split(/[\\/]/).at(-1) ?? name;
    await recordPersonalDataExport(workerId, saved);
    notifications.show({ color: 'teal', message: t('audit.export.done', { name: data.worker.name }) });
  } catch (error) {
    notifyWriteFailure(error, t, 'exporting personal data');
  }
}
