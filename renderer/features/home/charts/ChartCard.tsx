/**
 * One chart of the dashboard in its card (issue 19, items 2 to 4): a title, the chart or, at a
 * click, the same figures as a table whose rows lead to the list behind them (what keyboard users
 * and screen readers take), and a button that saves the chart as a PNG. An empty series shows a
 * sentence instead of an empty chart.
 */
import { useRef, useState, type ReactNode } from 'react';
import { Anchor, Button, Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhotoDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { safeFileName } from '@shared/file-name';
import { logger } from '@renderer/logger';
import { platform } from '@renderer/platform';
import { chartPng, type ChartPicture } from './chart-png';

/** A cell of a chart's table: a text, leading to a list when `to` is given. */
export interface TableCell {
  text: string;
  to?: string | null;
}

export interface TableRow {
  key: string;
  cells: TableCell[];
  /** 1: a part of the row above (a township of a county, a city of a province). */
  level?: 0 | 1;
}

export interface ChartTable {
  columns: string[];
  rows: TableRow[];
}

export interface ChartCardProps {
  /** data-testid="chart-<name>". */
  name: string;
  title: string;
  /** The period (or the day) the figures are for, as shown and as written under the title in the PNG. */
  subtitle: string;
  /** The period in the PNG's file name, e.g. 2026-01-01至2026-12-31. */
  filePeriod: string;
  /** The sentence shown instead of the chart when there is nothing to draw; null when there is. */
  empty: string | null;
  legend?: ChartPicture['legend'];
  /** Above the chart and the table: a choice of what the chart shows. */
  controls?: ReactNode;
  /** Under the chart: what it leaves to the table. */
  note?: string | null;
  chart: ReactNode;
  table: ChartTable;
}

function Cell({ cell, first, indent }: { cell: TableCell; first: boolean; indent: boolean }) {
  const text = cell.to ? (
    <Anchor component={Link} to={cell.to} size="sm">
      {cell.text}
    </Anchor>
  ) : (
    cell.text
  );
  return (
    <Table.Td ta={first ? undefined : 'right'} pl={indent ? 'xl' : undefined}>
      {text}
    </Table.Td>
  );
}

export function FigureTable({ table }: { table: ChartTable }) {
  return (
    <Table.ScrollContainer minWidth={320} maxHeight={360}>
      <Table striped withTableBorder fz="sm" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {table.columns.map((column, index) => (
              <Table.Th key={column} ta={index === 0 ? undefined : 'right'}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row) => (
            <Table.Tr key={row.key} data-level={row.level ?? 0}>
              {row.cells.map((cell, index) => (
                <Cell key={index} cell={cell} first={index === 0} indent={index === 0 && row.level === 1} />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ChartCard({
  name,
  title,
  subtitle,
  filePeriod,
  empty,
  legend = [],
  controls,
  note,
  chart,
  table,
}: ChartCardProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [saving, setSaving] = useState(false);
  const drawn = useRef<HTMLDivElement>(null);

  const save = async () => {
    const container = drawn.current;
    if (!container) return;
    setSaving(true);
    try {
      const data = await chartPng(container, { title, subtitle, legend });
      const result = await platform.saveFile({
        suggestedName: safeFileName([title, filePeriod], 'png', 'chart'),
        filters: [{ name: 'PNG', extensions: ['png'] }],
        data,
      });
      if (result.saved) {
        notifications.show({
          color: 'teal',
          message: t('dashboardCharts.png.saved', { fileName: result.fileName ?? '' }),
        });
      }
    } catch (error) {
      logger.error('saving a dashboard chart as PNG failed', error);
      notifications.show({
        color: 'red',
        message: t('dashboardCharts.png.failed', { message: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card withBorder data-testid={`chart-${name}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={4} fz="md">
            {title}
          </Title>
          {empty === null && (
            <Group gap="xs" wrap="nowrap">
              <SegmentedControl
                size="xs"
                aria-label={t('dashboardCharts.view.label')}
                value={view}
                onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
                data={[
                  { value: 'chart', label: t('dashboardCharts.view.chart') },
                  { value: 'table', label: t('dashboardCharts.view.table') },
                ]}
              />
              {view === 'chart' && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconPhotoDown size={14} />}
                  loading={saving}
                  onClick={() => void save()}
                  data-testid="chart-png"
                >
                  {t('dashboardCharts.png.save')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {empty !== null ? (
          <Text size="sm" c="dimmed" data-testid="chart-empty">
            {empty}
          </Text>
        ) : (
          <>
            {controls}
            {view === 'chart' ? (
              <>
                <div ref={drawn} data-testid="chart-drawing">
                  {chart}
                </div>
                {note && (
                  <Text size="xs" c="dimmed">
                    {note}
                  </Text>
                )}
              </>
            ) : (
              <FigureTable table={table} />
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
