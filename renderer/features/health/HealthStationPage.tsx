import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { HealthCheck } from '@shared/domain/records';
import { formatCalendarDate, formatTimestamp, beijingClockTime, millisecondsBetween } from '@shared/dates';
import { formatTemperature } from '@shared/health';
import type { SavedHealthCheck } from '../../db';
import { CheckForm } from './CheckForm';
import { PassengerLists } from './PassengerLists';
import { ProgressFigures, type StationList } from './ProgressFigures';
import { StationSearchField } from './StationSearchField';
import { VerdictPanel } from './VerdictPanel';
import { useStation } from './use-station';
import { useLanguage } from '../../i18n/use-language';

const MS_PER_HOUR = 60 * 60 * 1000;
/** Checks saved here that are kept over the live query's answer until it has them. */
const SAVED_HERE_KEPT = 50;

/** The check saved last, shown big until the next one. */
interface LastSaved {
  name: string;
  saved: SavedHealthCheck;
}

/**
 * The health-check station of one batch (route `/batches/:id/health`, issue 5): medical staff tick
 * off the passengers fast, keyboard first. One big search field (names, pinyin initials, ID digits,
 * whole IDs from a card reader or scanner, seats), the check form with its verdict, the batch's
 * progress live, and the lists by state, the failed passengers flagged with their two actions.
 */
export function HealthStationPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const [savedHere, setSavedHere] = useState<readonly HealthCheck[]>([]);
  const station = useStation(id, savedHere);
  const [openId, setOpenId] = useState<string | null>(null);
  const [opened, setOpened] = useState(0);
  const [list, setList] = useState<StationList>('notChecked');
  const [examiner, setExaminer] = useState<string | null>(null);
  const [lastSaved, setLastSaved] = useState<LastSaved | null>(null);
  const [now, setNow] = useState(() => new Date().toISOString());
  const clock = useInterval(() => setNow(new Date().toISOString()), 60_000);
  const searchRef = useRef<HTMLInputElement>(null);
  const listsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    clock.start();
    return clock.stop;
  }, [clock]);
  // Back to the search field whenever no form is open: after a save, after Esc, on arrival.
  const loaded = station !== undefined;
  useEffect(() => {
    if (openId === null && loaded) searchRef.current?.focus();
  }, [openId, loaded]);
  // Stable, so that the lists and figures (memoized) do not draw again when only the form changes.
  const open = useCallback((workerId: string) => {
    setOpenId(workerId);
    setOpened((count) => count + 1);
  }, []);
  const showList = useCallback((next: StationList) => {
    setList(next);
    listsRef.current?.scrollIntoView({ block: 'start' });
  }, []);

  if (station === undefined) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  if (station === null) {
    return (
      <Stack>
        <Title order={2}>{t('health.title')}</Title>
        <Text>{t('health.notFound')}</Text>
      </Stack>
    );
  }

  const { roster, settings, rows, rowById, progress, search } = station;
  const { batch, departureAt, locked } = roster;
  const openRow = openId ? rowById.get(openId) : undefined;
  const untilDeparture = millisecondsBetween(now, departureAt);
  const warnings: string[] = [];
  if (locked) warnings.push(t('health.warnings.departed'));
  else if (untilDeparture < 0) {
    warnings.push(t('health.warnings.afterDeparture', { at: formatTimestamp(departureAt, language) }));
  } else if (untilDeparture > settings.checkValidityHours * MS_PER_HOUR) {
    warnings.push(
      t('health.warnings.tooEarly', { hours: settings.checkValidityHours, validity: settings.checkValidityHours }),
    );
  }
  if (settings.operatorName.trim() === '') warnings.push(t('health.warnings.noOperator'));

  const done = (saved: SavedHealthCheck | null) => {
    if (saved) {
      if (openRow) setLastSaved({ name: openRow.worker.name, saved });
      const mine = saved.replaced ? [saved.check, saved.replaced] : [saved.check];
      // The live query has long caught up with older saves: a short tail is enough.
      setSavedHere((current) => [...current, ...mine].slice(-SAVED_HERE_KEPT));
    }
    setOpenId(null);
  };

  return (
    <Stack gap="md" data-testid="health-station">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2}>{`${t('health.title')} · ${batch.name}`}</Title>
          <Text fz={18}>
            {`${formatCalendarDate(batch.date, language)} · ${t('health.departure', {
              at: formatTimestamp(departureAt, language),
            })} · ${t('health.validity', { hours: settings.checkValidityHours })}`}
          </Text>
        </Stack>
        <Button
          component={Link}
          to={`/batches/${batch.id}`}
          variant="default"
          leftSection={<IconArrowLeft size={18} />}
        >
          {t('health.backToBatch')}
        </Button>
      </Group>
      {warnings.map((warning) => (
        <Alert key={warning} color="yellow" icon={<IconAlertTriangle size={22} />} data-testid="station-warning">
          <Text fz={17}>{warning}</Text>
        </Alert>
      ))}
      <ProgressFigures progress={progress} onShowList={showList} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="sm">
            <StationSearchField
              search={search}
              rowById={rowById}
              batch={batch}
              disabled={openRow !== undefined}
              inputRef={searchRef}
              onOpen={open}
            />
            {lastSaved && !openRow && (
              <VerdictPanel
                size="compact"
                judgement={lastSaved.saved.judgement}
                caption={t('health.lastSaved.line', {
                  name: lastSaved.name,
                  temperature: formatTemperature(lastSaved.saved.check.temperatureC),
                  at: beijingClockTime(lastSaved.saved.check.checkedAt),
                })}
              />
            )}
            {openRow && (
              <CheckForm
                key={opened}
                row={openRow}
                batch={batch}
                locked={locked}
                settings={settings}
                examiner={examiner ?? settings.operatorName}
                onExaminerChange={setExaminer}
                onDone={done}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }} ref={listsRef}>
          <PassengerLists
            rows={rows}
            progress={progress}
            validityHours={settings.checkValidityHours}
            batch={batch}
            editable={!locked}
            list={list}
            onList={setList}
            onOpen={open}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
