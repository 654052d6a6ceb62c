import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/domain/records';
import { formatTimestamp, isCalendarDate } from '@shared/dates';
import {
  AUDITED_TABLES,
  auditOperators,
  auditRows,
  auditTrailKeys,
  recordNames,
  useRepositoryQuery,
  type AuditFilter,
} from '../../db';
import { changeSummary, recordLabel } from '../../components/audit-changes';
import { useAuditReading } from '../../components/use-audit-reading';
import { useAddressParams } from '../../components/use-address-params';
import { DateField } from '../../components/DateField';
import { AuditEntryModal } from './AuditEntryModal';
import { AuditAnchorLine, VerifyButton, VerifyResult, useVerifyChain } from './VerifyChain';
import { operatorLabel, tableLabel } from './audit-labels';
import classes from './AuditPage.module.css';
import { useLanguage } from '../../i18n/use-language';

const ROW_HEIGHT = 40;
/** Rows read at a time: the list reads the pages it shows, never the whole trail. */
const PAGE = 100;
/** The operator filter's value for rows written before an operator was named (an empty name). */
const UNNAMED = '\u0000';

/** The filter the page's address holds (`#/audit?table=workers&record=…`), so a record's page can link here. */
function filterFrom(params: URLSearchParams): AuditFilter {
  const date = (key: string) => {
    const value = params.get(key);
    return value && isCalendarDate(value) ? value : null;
  };
  const operator = params.get('operator');
  return {
    table: params.get('table') || null,
    recordId: params.get('record') || null,
    operator: operator === null ? null : operator === UNNAMED ? '' : operator,
    from: date('from'),
    to: date('to'),
  };
}

/**
 * The audit trail (issue 7): every change, newest first, filtered by record, table, operator and
 * date, in a virtual list that reads only the rows it shows; each row opens in full; 校验 checks the
 * hash chain and names the first entry that breaks it.
 */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const [params, changeParams] = useAddressParams();
  const filter = useMemo(() => filterFrom(params), [params]);

  // The record filter is typed or pasted: the address follows once typing pauses.
  const [recordText, setRecordText] = useState(filter.recordId ?? '');
  const [debouncedRecord] = useDebouncedValue(recordText.trim(), 300);
  useEffect(() => setRecordText(filter.recordId ?? ''), [filter.recordId]);
  const setParam = (key: string, value: string | null) => changeParams({ [key]: value === '' ? null : value });
  useEffect(() => {
    if (debouncedRecord !== (filter.recordId ?? '')) setParam('record', debouncedRecord);
    // Only a change of what was typed writes the address; the address changing refills the field above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedRecord]);

  const keys = useRepositoryQuery(() => auditTrailKeys(filter), [filter]);
  const operators = useRepositoryQuery(auditOperators, []);
  const count = keys?.length ?? 0;

  const viewport = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions each render by design; the React Compiler skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const firstPage = Math.floor((items[0]?.index ?? 0) / PAGE);
  const lastPage = Math.floor((items.at(-1)?.index ?? 0) / PAGE);
  const pageRows = useRepositoryQuery(async () => {
    const rows = await auditRows(keys?.slice(firstPage * PAGE, (lastPage + 1) * PAGE) ?? []);
    return { rows, names: await recordNames(rows) };
  }, [keys, firstPage, lastPage]);
  // Rows read for earlier windows stay shown while the next window is read: no blank rows on scrolling.
  const [rowBySeq, setRowBySeq] = useState<ReadonlyMap<number, AuditEntry>>(new Map());
  const [names, setNames] = useState<Readonly<Record<string, string>>>({});
  useEffect(() => {
    if (!pageRows) return;
    setRowBySeq((current) => {
      const next = new Map(current.size > 5 * PAGE ? [] : current);
      for (const row of pageRows.rows) if (row.seq !== undefined) next.set(row.seq, row);
      return next;
    });
    setNames((current) => ({ ...current, ...pageRows.names }));
  }, [pageRows]);

  const reading = useAuditReading(names);
  const verify = useVerifyChain();
  const brokenSeq = verify.state.kind === 'done' ? verify.state.report.firstBrokenSeq : undefined;
  const [openEntry, setOpenEntry] = useState<AuditEntry | null>(null);
  const showEntry = (seq: number) => {
    const known = rowBySeq.get(seq);
    if (known) setOpenEntry(known);
    else void auditRows([seq]).then(([row]) => setOpenEntry(row ?? null));
  };

  const tables = AUDITED_TABLES.map((table) => ({ value: table, label: tableLabel(table, t, i18n) }));
  const operatorOptions = (operators ?? []).map((operator) => ({
    value: operator === '' ? UNNAMED : operator,
    label: operatorLabel(operator, t),
  }));
  const filtered = Object.values(filter).some((value) => value !== null && value !== undefined);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2}>{t('audit.title')}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('audit.intro')}
          </Text>
          <AuditAnchorLine />
        </Stack>
        <VerifyButton running={verify.state.kind === 'running'} onVerify={verify.run} />
      </Group>
      <VerifyResult state={verify.state} onShowEntry={showEntry} />
      <Group align="end" gap="xs">
        <Select
          aria-label={t('audit.filters.table')}
          placeholder={t('audit.filters.table')}
          data={tables}
          value={filter.table ?? null}
          onChange={(value) => setParam('table', value)}
          clearable
          w={160}
        />
        <TextInput
          aria-label={t('audit.filters.record')}
          placeholder={t('audit.filters.recordPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={recordText}
          onChange={(event) => setRecordText(event.currentTarget.value)}
          w={300}
        />
        <Select
          aria-label={t('audit.filters.operator')}
          placeholder={t('audit.filters.operator')}
          data={operatorOptions}
          value={filter.operator === null || filter.operator === undefined ? null : filter.operator || UNNAMED}
          onChange={(value) => setParam('operator', value)}
          clearable
          searchable
          w={160}
        />
        <DateField
          aria-label={t('audit.filters.from')}
          title={t('audit.filters.from')}
          placeholder={t('audit.filters.from')}
          value={filter.from ?? ''}
          onChange={(value) => setParam('from', value)}
          clearable
          w={170}
        />
        <Text size="sm" c="dimmed" pb={6}>
          –
        </Text>
        <DateField
          aria-label={t('audit.filters.to')}
          title={t('audit.filters.to')}
          placeholder={t('audit.filters.to')}
          value={filter.to ?? ''}
          onChange={(value) => setParam('to', value)}
          clearable
          w={170}
        />
        {filtered && (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconFilterOff size={16} />}
            onClick={() => changeParams(() => new URLSearchParams())}
          >
            {t('audit.filters.clear')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" data-testid="audit-count">
        {keys === undefined ? t('audit.loading') : t('audit.count', { count })}
      </Text>
      {keys !== undefined && count === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {t('audit.empty')}
        </Text>
      ) : (
        <div className={classes.viewport} ref={viewport} role="table" aria-label={t('audit.title')}>
          <div className={`${classes.row} ${classes.header}`} role="row">
            <span>{t('audit.columns.seq')}</span>
            <span>{t('audit.columns.at')}</span>
            <span>{t('audit.columns.operator')}</span>
            <span>{t('audit.columns.table')}</span>
            <span>{t('audit.columns.record')}</span>
            <span>{t('audit.columns.action')}</span>
            <span>{t('audit.columns.changes')}</span>
          </div>
          <div className={classes.body} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const seq = keys?.[item.index];
              const entry = seq === undefined ? undefined : rowBySeq.get(seq);
              return (
                <div
                  key={item.key}
                  role="row"
                  data-testid="audit-row"
                  data-seq={seq}
                  data-table={entry?.table}
                  data-action={entry?.action}
                  data-broken={seq !== undefined && seq === brokenSeq}
                  className={classes.row}
                  style={{ top: item.start, height: ROW_HEIGHT }}
                  onClick={() => entry && setOpenEntry(entry)}
                >
                  {entry && (
                    <>
                      <span className={classes.dimmed}>{entry.seq}</span>
                      <span>{formatTimestamp(entry.at, language)}</span>
                      <span>{operatorLabel(entry.operator, t)}</span>
                      <span>{tableLabel(entry.table, t, i18n)}</span>
                      <span>{recordLabel(entry, reading)}</span>
                      <span>{t(`audit.actions.${entry.action}`)}</span>
                      <span title={changeSummary(entry, reading, 20)}>{changeSummary(entry, reading)}</span>
                    </>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
      <AuditEntryModal
        entry={openEntry}
        reading={reading}
        onClose={() => setOpenEntry(null)}
        onFilterRecord={(table, recordId) => {
          setOpenEntry(null);
          changeParams(() => new URLSearchParams({ table, record: recordId }));
        }}
      />
    </Stack>
  );
}
