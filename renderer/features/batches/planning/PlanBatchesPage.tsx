import { useMemo, useState } from 'react';
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconArrowLeft, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FieldProblem } from '@shared/domain/problems';
import {
  RecordRejectedError,
  checkPlanningOptions,
  getSettings,
  listRoutes,
  proposeBatches,
  useRepositoryQuery,
  type BatchPlanningResult,
} from '@renderer/db';
import { notifyWriteFailure } from '@renderer/components/write-failure';
import { useLanguage } from '@renderer/i18n/use-language';
import { batchName, initialValues, optionsOf, problemText, problemTexts, type PlanFormValues } from './plan-form';
import { PoolFilters } from './PoolFilters';
import { ProposalSave } from './ProposalSave';
import { ProposalView } from './ProposalView';
import { TripFields } from './TripFields';

/**
 * Automatic batch planning (issue "Plan batches"): the coordinator filters the workers ready to
 * travel, picks the dates, the routes and each leg's vehicle type, and gets a proposal (batches,
 * vehicles beside their lower bound, fill rates, who could not be placed and why). Nothing is
 * stored until "save", which creates the batches with their passengers in chunks of whole batches,
 * with progress and Cancel (see ProposalSave).
 */
export function PlanBatchesPage() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const routes = useRepositoryQuery(listRoutes, []);
  const settings = useRepositoryQuery(getSettings, []);
  const loadFactor = settings?.loadFactor ?? 0.5;
  const exists = (key: string) => i18n.exists(key);
  const describe = (problem: FieldProblem) => problemText(problem, t, exists);
  const form = useForm<PlanFormValues>({
    mode: 'controlled',
    initialValues: initialValues(),
    validate: (values) => problemTexts(checkPlanningOptions(optionsOf(values), routes ?? [], loadFactor), t, exists),
  });
  const [generated, setGenerated] = useState<{ result: BatchPlanningResult; key: string; n: number } | null>(null);
  const [saving, setSaving] = useState(false);

  const currentKey = JSON.stringify(optionsOf(form.getValues()));
  const stale = generated !== null && generated.key !== currentKey;
  const result = generated?.result ?? null;
  const names = useMemo(() => {
    if (!result) return [];
    const routeNames = new Map(result.routes.map((route) => [route.id, route.name]));
    return result.proposal.batches.map((batch) => batchName(batch, routeNames.get(batch.routeId) ?? '', t, language));
  }, [result, t, language]);

  const generate = form.onSubmit(async (values) => {
    const options = optionsOf(values);
    try {
      const next = await proposeBatches(options);
      setGenerated((previous) => ({ result: next, key: JSON.stringify(options), n: (previous?.n ?? 0) + 1 }));
    } catch (error) {
      // A refused option is shown beside its input; the paths of the problems are the form's.
      if (error instanceof RecordRejectedError) form.setErrors(problemTexts(error.problems, t, exists));
      else notifyWriteFailure(error, t, 'planning batches', describe);
    }
  });

  return (
    <Stack>
      <div>
        <Button
          component={Link}
          to="/batches"
          variant="subtle"
          size="compact-sm"
          leftSection={<IconArrowLeft size={16} />}
        >
          {t('planning.back')}
        </Button>
        <Title order={2} mt={4}>
          {t('planning.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={900}>
          {t('planning.intro')}
        </Text>
      </div>
      <form onSubmit={generate} noValidate>
        <Stack>
          <PoolFilters form={form} />
          <TripFields form={form} routes={routes} loadFactor={loadFactor} />
          <Group>
            <Button type="submit" leftSection={<IconWand size={18} />} loading={form.submitting} disabled={saving}>
              {t('planning.generate')}
            </Button>
            {form.submitting && (
              <Group gap="xs" data-testid="planning-progress">
                <Loader size="sm" />
                <Text size="sm" c="dimmed">
                  {t('planning.generating')}
                </Text>
              </Group>
            )}
          </Group>
        </Stack>
      </form>

      {result && (
        <Stack data-testid="proposal" data-stale={stale}>
          <Title order={3}>{t('planning.proposal.title')}</Title>
          {stale && (
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
              {t('planning.stale')}
            </Alert>
          )}
          <ProposalView result={result} names={names} />
          <ProposalSave
            // A new proposal starts a new save: the last one's outcome belongs to the proposal before.
            key={generated?.n}
            result={result}
            names={names}
            disabled={stale || form.submitting}
            describe={describe}
            onSavingChange={setSaving}
          />
        </Stack>
      )}
    </Stack>
  );
}
