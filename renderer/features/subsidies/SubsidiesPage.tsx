import { useMemo } from 'react';
import { Alert, Button, Center, Group, Loader, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconReportMoney, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAddressParams } from '../../components/use-address-params';
import { CLAIM_STATUSES, type ClaimStatus } from '@shared/subsidy/claim-steps';
import { claimsOfScheme, listSchemes, subsidyEligibility, useRepositoryQuery, useRepositoryQueryOf } from '../../db';
import { useBeijingToday } from '../followup/use-desk';
import { ClaimsList, type ClaimsFilter } from './ClaimsList';
import { EligibilityList } from './EligibilityList';
import { PapersPanel } from './papers/PapersPanel';

/** The search parameters the page keeps its choices in, so that a reload or Back shows the same. */
const PARAM = { scheme: 'scheme', view: 'view', payee: 'payee', status: 'status' } as const;

function statusOf(value: string | null): ClaimStatus | null {
  return (CLAIM_STATUSES as readonly string[]).includes(value ?? '') ? (value as ClaimStatus) : null;
}

/**
 * The subsidies page (route `/subsidies`, issue 18, items 3 and 4, 补贴): a scheme is chosen (this
 * year's first), then who is eligible under it today in Beijing, and why the others are not (yet),
 * with their claims made from the list; and the scheme's claims, for one payee or all, in one
 * status or all, taken step by step from the public notice to payment. The scheme, the view and the
 * claims' filter stand in the address (`?scheme=…&view=claims&payee=…&status=…`). The report of
 * all schemes is a page of its own (`/subsidies/report`). Schemes themselves are kept in Settings.
 */
export function SubsidiesPage() {
  const { t } = useTranslation();
  const today = useBeijingToday();
  const schemes = useRepositoryQuery(listSchemes, []);
  const [params, setParam] = useAddressParams();
  const chosen = params.get(PARAM.scheme);
  const view = params.get(PARAM.view) ?? 'eligibility';
  const claimsFilter: ClaimsFilter = { payee: params.get(PARAM.payee), status: statusOf(params.get(PARAM.status)) };
  const setChosen = (schemeId: string) => setParam({ scheme: schemeId, payee: null, status: null });
  const setView = (value: string | null) => setParam({ view: value === 'eligibility' ? null : value });

  const year = Number(today.slice(0, 4));
  const scheme = useMemo(() => {
    if (!schemes) return undefined;
    return (
      schemes.find((candidate) => candidate.id === chosen) ??
      schemes.find((candidate) => candidate.year === year) ??
      schemes[0]
    );
  }, [schemes, chosen, year]);
  const schemeId = scheme?.id ?? null;

  // Of the scheme shown: never the last scheme's rows while the chosen one's are read.
  const rows = useRepositoryQueryOf(
    schemeId,
    () => (schemeId === null ? Promise.resolve(null) : subsidyEligibility(schemeId, today)),
    [today],
  );
  const claims = useRepositoryQueryOf(
    schemeId,
    () => (schemeId === null ? Promise.resolve(null) : claimsOfScheme(schemeId)),
    [],
  );

  if (schemes === undefined) {
    return (
      <Center p="xl">
        <Stack align="center">
          <Loader />
          <Text c="dimmed">{t('subsidy.page.loading')}</Text>
        </Stack>
      </Center>
    );
  }

  return (
    <Stack gap="md" data-testid="subsidies-page">
      <Group justify="space-between">
        <Title order={2}>{t('subsidy.page.title')}</Title>
        <Button
          component={Link}
          to="/subsidies/report"
          variant="light"
          leftSection={<IconReportMoney size={18} />}
          data-testid="open-report"
        >
          {t('subsidy.report.open')}
        </Button>
      </Group>
      {scheme === undefined ? (
        <Alert color="blue" data-testid="no-schemes">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('subsidy.page.noSchemes')}</Text>
            <Button component={Link} to="/settings" size="xs" variant="light" leftSection={<IconSettings size={16} />}>
              {t('subsidy.page.toSettings')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <>
          <Group align="flex-end" gap="lg">
            <Select
              label={t('subsidy.page.scheme')}
              data={[...new Set(schemes.map((candidate) => candidate.year))].map((schemeYear) => ({
                group: t('subsidy.page.schemeYear', { year: schemeYear }),
                items: schemes
                  .filter((candidate) => candidate.year === schemeYear)
                  .map((candidate) => ({ value: candidate.id, label: candidate.name })),
              }))}
              value={scheme.id}
              onChange={(value) => {
                if (value) setChosen(value);
              }}
              allowDeselect={false}
              w={420}
              data-testid="scheme-select"
            />
            <Stack gap={0} pb={4}>
              <Text size="sm">
                {t(`subsidy.schemeKind.${scheme.kind}`)} ·{' '}
                {t('subsidy.page.schemePayee', { payee: t(`subsidy.payee.${scheme.payee}`) })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('subsidy.page.today', { date: today })}
              </Text>
            </Stack>
          </Group>

          <Tabs value={view} onChange={setView} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="eligibility">{t('subsidy.page.views.eligibility')}</Tabs.Tab>
              <Tabs.Tab value="claims">
                {t('subsidy.page.views.claims')}
                {claims ? ` (${claims.length})` : ''}
              </Tabs.Tab>
              <Tabs.Tab value="papers">{t('subsidy.papers.tab')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="eligibility" pt="sm">
              {rows ? (
                <EligibilityList key={scheme.id} scheme={scheme} rows={rows} today={today} />
              ) : (
                <Group gap="xs">
                  <Loader size="xs" />
                  <Text size="sm" c="dimmed">
                    {t('subsidy.page.computing')}
                  </Text>
                </Group>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="claims" pt="sm">
              {claims ? (
                <ClaimsList
                  key={scheme.id}
                  claims={claims}
                  today={today}
                  filter={claimsFilter}
                  onFilter={(filter) => setParam({ payee: filter.payee, status: filter.status })}
                />
              ) : (
                <Loader size="xs" />
              )}
            </Tabs.Panel>
            <Tabs.Panel value="papers" pt="sm">
              <PapersPanel key={scheme.id} scheme={scheme} schemes={schemes} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
