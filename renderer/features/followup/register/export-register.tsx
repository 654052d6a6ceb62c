import { Button, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { proxy, wrap } from 'comlink';
import type { TFunction } from 'i18next';
import type { FieldProblem } from '@shared/domain/problems';
import type { Language } from '@shared/domain/records';
import type { FollowUpFilter } from '@shared/followup';
import { todayCalendarDate } from '@shared/dates';
import { safeFileName } from '@shared/file-name';
import { notifyWriteFailure } from '@renderer/components/write-failure';
import { problemMessage } from '@renderer/components/field-problems';
import { logger } from '@renderer/logger';
import { platform } from '@renderer/platform';
import { recordRegisterFullNumbers } from './register-audit';
import type { RegisterWorkerApi } from './register.worker';

export interface RegisterExportRequest {
  filter: FollowUpFilter;
  fullNumbers: boolean;
  /** The purpose given for full numbers. */
  reason: string;
  language: Language;
  t: TFunction;
}

/** The name the register is offered under: 回访台账-2026-03-01.xlsx, marked when it holds full numbers. */
export function registerFileName(t: TFunction, fullNumbers: boolean): string {
  return safeFileName(
    [t('register.fileName'), todayCalendarDate(), fullNumbers ? t('documents.fullNumbersFileName') : ''],
    'xlsx',
    'register',
  );
}

const describer = (t: TFunction) => (problem: FieldProblem) =>
  problem.code === 'operator-missing' ? t('documents.fullNumbers.operatorMissing') : problemMessage(problem, t);

/**
 * Exports the follow-up register of the follow-ups `filter` shows, in a Web Worker of its own
 * (register.worker.ts), with a notice that shows the progress and offers to cancel: a cancelled
 * export saves nothing. A register with full numbers is recorded in the audit trail before it is
 * written. The file is saved as every export is (the save dialog, or a download in a browser).
 */
export async function exportRegister({
  filter,
  fullNumbers,
  reason,
  language,
  t,
}: RegisterExportRequest): Promise<void> {
  const id = `export-register-${crypto.randomUUID()}`;
  const worker = new Worker(new URL('./register.worker.ts', import.meta.url), { type: 'module' });
  const api = wrap<RegisterWorkerApi>(worker);
  let cancelled = false;
  const cancel = () => {
    cancelled = true;
    void api.cancel();
    notifications.update({
      id,
      loading: false,
      color: 'gray',
      title: undefined,
      message: t('register.cancelled'),
      autoClose: 4000,
      withCloseButton: true,
    });
  };
  const cancelButton = (
    <Button size="compact-xs" variant="default" mt={4} onClick={cancel}>
      {t('common.cancel')}
    </Button>
  );
  const progress = (text: string, percent: number | null) => (
    <Stack gap={4} data-testid="register-export-progress">
      <Text size="sm">{text}</Text>
      {percent !== null && <Progress value={percent} size="sm" aria-label={text} />}
      <div>{cancelButton}</div>
    </Stack>
  );
  const finished = (message: string, color: string) =>
    notifications.update({
      id,
      loading: false,
      color,
      title: undefined,
      message,
      autoClose: 6000,
      withCloseButton: true,
    });
  notifications.show({
    id,
    loading: true,
    autoClose: false,
    withCloseButton: false,
    title: t('register.title'),
    message: progress(t('register.preparing'), null),
  });
  try {
    const summary = await api.prepare(filter);
    if (cancelled) return;
    if (summary.rows === 0) {
      finished(t('register.empty'), 'yellow');
      return;
    }
    if (fullNumbers) {
      try {
        // Recorded before anything is written: an export of full numbers that fails half way still counts.
        await recordRegisterFullNumbers(summary.batchIds, summary.rows, reason);
      } catch (error) {
        notifications.hide(id);
        notifyWriteFailure(error, t, 'recording the register export', describer(t));
        return;
      }
    }
    let shown = -1;
    const bytes = await api.write(
      fullNumbers,
      language,
      proxy(({ done, total }) => {
        const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (cancelled || percent === shown) return;
        shown = percent;
        notifications.update({
          id,
          loading: true,
          autoClose: false,
          withCloseButton: false,
          title: t('register.title'),
          message: progress(t('register.writing', { done, total }), percent),
        });
      }),
    );
    if (cancelled || !bytes) return;
    notifications.hide(id);
    const result = await platform.saveFile({
      suggestedName: registerFileName(t, fullNumbers),
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      data: bytes,
    });
    if (result.saved) notifications.show({ color: 'teal', message: t('register.exported', { count: summary.rows }) });
  } catch (error) {
    logger.error('exporting the follow-up register failed', error);
    if (!cancelled) finished(t('register.failed'), 'red');
  } finally {
    worker.terminate();
  }
}
