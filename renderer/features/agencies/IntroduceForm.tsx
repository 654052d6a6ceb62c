import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Agency, CalendarDate, Worker } from '@shared/domain/records';
import { todayCalendarDate } from '@shared/dates';
import { shownResidentId } from '@shared/privacy/anonymise';
import {
  employersOfWorker,
  listEnterprises,
  recordIntroduction,
  useDirectoryVersion,
  useRepositoryQuery,
  workerDirectory,
  type DirectoryQuery,
} from '@renderer/db';
import { DateField } from '@renderer/components/DateField';
import { FormActions } from '@renderer/components/FormActions';
import { saveFromForm } from '@renderer/components/save-from-form';

const SEARCH_LIMIT = 10;

const query = (search: string): DirectoryQuery => ({ search, sort: 'name', descending: false });

/**
 * Finds a worker in the workers directory by name, pinyin or ID digits, as a batch's passenger
 * search does, and hands the one chosen to `onPick`.
 */
function WorkerSearch({ onPick, error }: { onPick: (worker: Worker) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 120);
  const version = useDirectoryVersion();
  const found = useRepositoryQuery(
    async () =>
      debounced.trim() === '' || version === null
        ? null
        : (await workerDirectory().page(query(debounced), 0, SEARCH_LIMIT)).rows,
    [debounced, version],
  );
  const searching = debounced.trim() !== '';
  return (
    <Stack gap="xs">
      <TextInput
        label={t('agencies.introduce.search')}
        placeholder={t('agencies.introduce.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        error={error}
        data-autofocus
      />
      {searching && version === null && (
        <Text size="sm" c="dimmed">
          {t('agencies.introduce.searchLoading')}
        </Text>
      )}
      {searching && found?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('agencies.introduce.searchNothing', { query: debounced.trim() })}
        </Text>
      )}
      {found?.map((worker) => (
        <Group key={worker.id} gap="sm" wrap="nowrap" data-testid="introduce-result" data-worker-id={worker.id}>
          <Text size="sm" w={90}>
            {worker.name}
          </Text>
          <Text size="sm" c="dimmed" style={{ flex: 1 }}>
            {`${worker.county}${worker.township}${worker.village}`}
          </Text>
          <Text size="sm" c="dimmed" w={130}>
            {t('agencies.introduce.idTail', { tail: shownResidentId(worker.residentId).slice(-4) })}
          </Text>
          <Button
            size="compact-xs"
            variant="light"
            aria-label={t('agencies.introduce.pickOne', { name: worker.name })}
            onClick={() => onPick(worker)}
          >
            {t('agencies.introduce.pick')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

interface IntroduceFormProps {
  agency: Agency;
  onDone: () => void;
}

/**
 * Records that an agency introduced a worker to an enterprise on a day (issue 18, item 2): the
 * worker is found in the directory, the enterprise starts as the one the worker was placed at, the
 * day as today. The placement subsidy is paid to the agency for the employment at that enterprise,
 * so a warning says when it is not a key enterprise. The repository refuses a day after today and a
 * worker introduced to that enterprise before (naming the agency); nothing is stored then.
 */
export function IntroduceForm({ agency, onDone }: IntroduceFormProps) {
  const { t } = useTranslation();
  const enterprises = useRepositoryQuery(() => listEnterprises(), []) ?? [];
  const [worker, setWorker] = useState<Worker | null>(null);
  const [enterpriseId, setEnterpriseId] = useState<string | null>(null);
  const [introducedOn, setIntroducedOn] = useState<CalendarDate>(todayCalendarDate());
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const enterprise = enterprises.find((candidate) => candidate.id === enterpriseId);
  const employers = useRepositoryQuery(async () => (worker ? employersOfWorker(worker.id) : null), [worker?.id]);

  // The enterprise starts as one the worker is recorded employed at (a key enterprise first), else
  // the one they were placed at: the employment a placement subsidy rests on.
  const pick = (picked: Worker) => {
    setWorker(picked);
    setErrors({});
    setEnterpriseId(picked.enterpriseId);
    void employersOfWorker(picked.id).then((ids) => {
      const isKey = (id: string) => enterprises.some((candidate) => candidate.id === id && candidate.isKeyEnterprise);
      const first = ids.find(isKey) ?? ids[0];
      if (first !== undefined) setEnterpriseId(first);
    });
  };

  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!worker) missing.workerId = t('agencies.introduce.noWorker');
    if (!enterpriseId) missing.enterpriseId = t('agencies.introduce.noEnterprise');
    setErrors(missing);
    if (!worker || !enterpriseId) return;
    setSubmitting(true);
    try {
      const saved = await saveFromForm(
        () => recordIntroduction({ agencyId: agency.id, workerId: worker.id, enterpriseId, introducedOn, notes }),
        setErrors,
        t,
      );
      if (!saved) return;
      notifications.show({
        color: 'teal',
        message: t('agencies.introduce.saved', {
          agency: agency.name,
          name: worker.name,
          enterprise: enterprise?.name ?? '',
        }),
      });
      onDone();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form
      noValidate
      data-testid="introduce-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        {worker ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('agencies.introduce.worker')}
            </Text>
            <Group gap="sm">
              <Text data-testid="introduce-worker">{worker.name}</Text>
              <Text size="sm" c="dimmed">{`${worker.county}${worker.township}${worker.village}`}</Text>
              <Button size="compact-xs" variant="subtle" onClick={() => setWorker(null)}>
                {t('agencies.introduce.change')}
              </Button>
            </Group>
            {errors.workerId && (
              <Alert color="red" variant="light" role="alert" data-testid="introduce-refusal">
                {errors.workerId}
              </Alert>
            )}
          </Stack>
        ) : (
          <WorkerSearch onPick={pick} error={errors.workerId} />
        )}
        <Select
          label={t('agencies.introduce.enterprise')}
          description={t('agencies.introduce.enterpriseHint')}
          withAsterisk
          data={enterprises.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          value={enterpriseId}
          onChange={setEnterpriseId}
          allowDeselect={false}
          searchable
          error={errors.enterpriseId}
        />
        {worker && enterprise && employers && !employers.includes(enterprise.id) && (
          <Text size="sm" c="orange" data-testid="introduce-no-employment">
            {t('agencies.introduce.noEmployment', { name: worker.name, enterprise: enterprise.name })}
          </Text>
        )}
        {enterprise && !enterprise.isKeyEnterprise && (
          <Text size="sm" c="orange" data-testid="introduce-not-key">
            {t('agencies.introduce.notKeyWarning', { name: enterprise.name })}
          </Text>
        )}
        <DateField
          label={t('agencies.introduce.introducedOn')}
          value={introducedOn}
          onChange={setIntroducedOn}
          error={errors.introducedOn}
          withAsterisk
        />
        <Textarea
          label={t('agencies.introduce.notes')}
          autosize
          minRows={2}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          error={errors.notes}
        />
        <FormActions onCancel={onDone} submitting={submitting} />
      </Stack>
    </form>
  );
}

/** Opens the introduction form of an agency in a modal. */
export function openIntroduceForm({ t, agency }: { t: TFunction; agency: Agency }): void {
  const id = modals.open({
    title: t('agencies.introduce.title', { agency: agency.name }),
    size: 'lg',
    closeOnClickOutside: false,
    children: <IntroduceForm agency={agency} onDone={() => modals.close(id)} />,
  });
}
