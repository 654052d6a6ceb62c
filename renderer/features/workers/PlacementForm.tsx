import { useState } from 'react';
import { Alert, Button, Group, List, Select, Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  listEnterprises,
  listOpenings,
  openingFill,
  placeWorkers,
  previewPlacement,
  useRepositoryQuery,
} from '../../db';
import { problemMessage } from '../../components/field-problems';
import { saveFromForm } from '../../components/save-from-form';

interface PlacementFormProps {
  /** The workers to place. */
  workerIds: readonly string[];
  /** The enterprise to start with, if the workers have one. */
  enterpriseId: string | null;
  /** Called after the workers were placed. */
  onDone: () => void;
}

function PlacementForm({ workerIds, enterpriseId: initialEnterprise, onDone }: PlacementFormProps) {
  const { t } = useTranslation();
  const [enterpriseId, setEnterpriseId] = useState<string | null>(initialEnterprise);
  const [openingId, setOpeningId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const enterprises = useRepositoryQuery(() => listEnterprises(), []) ?? [];
  const openings = useRepositoryQuery(
    async () =>
      enterpriseId ? { list: await listOpenings(enterpriseId), fill: await openingFill(enterpriseId) } : null,
    [enterpriseId],
  );
  const preview = useRepositoryQuery(
    async () => (openingId ? previewPlacement(workerIds, openingId) : null),
    [openingId, workerIds],
  );
  const misfits = preview?.checks.filter((check) => check.problems.length > 0) ?? [];

  const place = async () => {
    if (!openingId || !preview) return;
    const done = await saveFromForm(
      async () => {
        await placeWorkers(workerIds, openingId, misfits.length > 0 ? reason : null);
        return true;
      },
      (messages) => setReasonError(messages.overrideReason ?? null),
      t,
    );
    if (!done) return;
    notifications.show({
      color: 'teal',
      message: t('placement.placed', { count: workerIds.length, position: preview.opening.position }),
    });
    onDone();
  };

  return (
    <Stack>
      <Text size="sm">{t('placement.workers', { count: workerIds.length })}</Text>
      <Select
        label={t('placement.enterprise')}
        data={enterprises.map((e) => ({ value: e.id, label: e.name }))}
        value={enterpriseId}
        onChange={(value) => {
          setEnterpriseId(value);
          setOpeningId(null);
        }}
        searchable
      />
      <Select
        label={t('placement.opening')}
        data={(openings?.list ?? []).map((o) => ({
          value: o.id,
          label: t('placement.openingOption', {
            position: o.position,
            filled: openings?.fill[o.id] ?? 0,
            headcount: o.headcount,
          }),
        }))}
        value={openingId}
        onChange={setOpeningId}
        disabled={!enterpriseId}
      />
      {preview && misfits.length === 0 && <Alert color="teal">{t('placement.fits')}</Alert>}
      {misfits.length > 0 && (
        <Alert color="orange" title={t('placement.misfits')} data-testid="placement-misfits">
          <List size="sm">
            {misfits.map((check) => {
              const name = preview?.checks.find((c) => c.workerId === check.workerId)?.name ?? '';
              return (
                <List.Item key={check.workerId}>
                  {name}
                  {t('common.labelSeparator')}
                  {check.problems
                    .map((problem) => problemMessage({ field: '', ...problem }, t))
                    .join(t('common.listSeparator'))}
                </List.Item>
              );
            })}
          </List>
        </Alert>
      )}
      {misfits.length > 0 && (
        <Textarea
          label={t('placement.overrideReason')}
          description={t('placement.overrideHint')}
          value={reason}
          error={reasonError}
          onChange={(event) => setReason(event.currentTarget.value)}
          withAsterisk
        />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button disabled={!preview} color={misfits.length > 0 ? 'orange' : undefined} onClick={() => void place()}>
          {misfits.length > 0 ? t('placement.placeAnyway') : t('placement.place')}
        </Button>
      </Group>
    </Stack>
  );
}

export function openPlacementForm(options: {
  t: TFunction;
  workerIds: readonly string[];
  enterpriseId?: string | null;
  onDone?: () => void;
}): void {
  const id = modals.open({
    title: options.t('placement.title'),
    size: 'lg',
    closeOnClickOutside: false,
    children: (
      <PlacementForm
        workerIds={options.workerIds}
        enterpriseId={options.enterpriseId ?? null}
        onDone={() => {
          modals.close(id);
          options.onDone?.();
        }}
      />
    ),
  });
}
