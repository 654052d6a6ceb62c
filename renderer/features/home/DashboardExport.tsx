/**
 * The dashboard printed and exported (issue 19, item 4): the figures on screen as one A4 page for
 * the director, or the figures behind every chart as XLSX, made in a Web Worker of their own
 * (dashboard-print.worker.ts) with each step shown and a Cancel, and saved as every export is (the
 * save dialog, or a download in a browser). The title names the office's county, as the subsidy
 * papers do.
 */
import { usePrintAction } from '../../components/print-action';
import { useRef, useState } from 'react';
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardFilter } from '@shared/dashboard';
import type { DashboardPrintInput } from '@shared/dashboard/print';
import { safeFileName } from '@shared/file-name';
import { getSettings, useRepositoryQuery } from '@renderer/db';
import { countyOf } from '@renderer/features/subsidies/papers/paper-choice';
import { useLanguage } from '@renderer/i18n/use-language';
import { logger } from '@renderer/logger';
import { platform } from '@renderer/platform';
import { isAbortError, makeDashboardFile } from './dashboard-print-client';
import type { DashboardPrintFormat, DashboardPrintStage } from './dashboard-print.worker';

/** 工作情况-2026-01-01至2026-12-31.pdf / work-report-2026-01-01-to-2026-12-31.xlsx. */
export function dashboardFileName(filter: DashboardFilter, format: DashboardPrintFormat, t: TFunction): string {
  return safeFileName([t('dashboardPrint.fileName', { from: filter.from, to: filter.to })], format, 'dashboard');
}

const STEPS: Readonly<Record<DashboardPrintFormat, readonly DashboardPrintStage[]>> = {
  pdf: ['fonts', 'building'],
  xlsx: ['building'],
};

interface Running {
  format: DashboardPrintFormat;
  stage: DashboardPrintStage;
  controller: AbortController;
}

/** Beside the period control: its left margin takes the room left in the row it is put in. */
export function DashboardExport({
  dashboard,
  filter,
  names,
  make = makeDashboardFile,
}: {
  /** The figures on screen, and the filter they answer for; undefined while they are counted. */
  dashboard: Dashboard | undefined;
  filter: DashboardFilter | undefined;
  /** The names of the county, enterprise and scheme the filter chose, as the filter offers them. */
  names?: DashboardPrintInput['names'];
  /** Where the file is made: the print worker; a test gives its own. */
  make?: typeof makeDashboardFile;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useRepositoryQuery(getSettings, []);
  const [running, setRunning] = useState<Running | null>(null);
  const current = useRef<AbortController | null>(null);

  const produce = async (format: DashboardPrintFormat) => {
    if (!dashboard || !filter || !settings || current.current) return;
    const controller = new AbortController();
    current.current = controller;
    setRunning({ format, stage: STEPS[format][0] ?? 'building', controller });
    const organization = settings.organizationName.trim();
    const input: DashboardPrintInput = {
      dashboard,
      filter,
      names,
      place: countyOf(organization) || organization,
      print: {
        language,
        operator: settings.operatorName,
        organization,
        printedAt: new Date().toISOString(),
        fullNumbers: false,
      },
    };
    try {
      const bytes = await make(
        format,
        input,
        (stage) => {
          if (!controller.signal.aborted)
            setRunning((before) => (before?.controller === controller ? { ...before, stage } : before));
        },
        controller.signal,
      );
      current.current = null;
      setRunning(null);
      const fileName = dashboardFileName(filter, format, t);
      const result = await platform.saveFile({
        suggestedName: fileName,
        filters: [format === 'pdf' ? { name: 'PDF', extensions: ['pdf'] } : { name: 'Excel', extensions: ['xlsx'] }],
        data: bytes,
      });
      if (result.saved) {
        notifications.show({
          color: 'teal',
          message: t('dashboardPrint.saved', { name: result.fileName ?? fileName }),
        });
      }
    } catch (error) {
      current.current = null;
      setRunning(null);
      if (isAbortError(error) || controller.signal.aborted) {
        notifications.show({ color: 'gray', message: t('dashboardPrint.cancelled'), autoClose: 4000 });
        return;
      }
      logger.error('making the printed dashboard failed', error);
      notifications.show({ color: 'red', message: t('dashboardPrint.failed'), autoClose: 8000 });
    }
  };

  // File > Print on the desktop makes the PDF, as the print button does (issue 21).
  usePrintAction(!running && dashboard && filter && settings ? () => void produce('pdf') : null);

  if (running) {
    const steps = STEPS[running.format];
    const step = steps.indexOf(running.stage) + 1;
    const text = t('dashboardPrint.progress', {
      step,
      steps: steps.length,
      what: t(`dashboardPrint.stages.${running.stage}`),
    });
    return (
      <Group gap="xs" data-testid="dashboard-export-progress" wrap="nowrap" ml="auto">
        <Stack gap={2} style={{ minWidth: 180 }}>
          <Text size="xs">{text}</Text>
          <Progress value={(step / steps.length) * 100} animated striped size="sm" aria-label={text} />
        </Stack>
        <Button size="compact-sm" variant="default" onClick={() => running.controller.abort()}>
          {t('common.cancel')}
        </Button>
      </Group>
    );
  }
  // The settings name the office in the title and the operator in the footer.
  const ready = dashboard !== undefined && filter !== undefined && settings !== undefined;
  return (
    <Group gap="xs" data-testid="dashboard-export" ml="auto">
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconPrinter size={16} />}
        disabled={!ready}
        title={ready ? t('dashboardPrint.pdfHint') : t('dashboardPrint.waiting')}
        onClick={() => void produce('pdf')}
      >
        {t('dashboardPrint.pdf')}
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconFileSpreadsheet size={16} />}
        disabled={!ready}
        title={ready ? t('dashboardPrint.xlsxHint') : t('dashboardPrint.waiting')}
        onClick={() => void produce('xlsx')}
      >
        {t('dashboardPrint.xlsx')}
      </Button>
    </Group>
  );
}
