import { useMemo, useState } from 'react';
import { Alert, Button, Center, Group, Loader, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { claimsOfScheme, listSchemes, reportClaims, subsidyEligibility, useRepositoryQuery } from '../../db';
import { useBeijingToday } from '../followup/use-desk';
import { ClaimsList } from './ClaimsList';
import { EligibilityList } from './EligibilityList';
import { PapersPanel } from './papers/PapersPanel';

/**
 * The subsidies page (route `/subsidies`, issue 18, items 3 and 4, 补贴): a scheme is chosen (this
 * year's first), then who is eligible under it today in Beijing, and why the others are not (yet),
 * with their claims made from the list; and the scheme's claims, taken step by step from the public
 * notice to payment. Schemes themselves are kept in Settings.
 */
export function SubsidiesPage() {
  const { t } = useTranslation();
  const today = useBeijingToday();
  const schemes = useRepositoryQuery(listSchemes, []);
  const [chosen, setChosen] = useState<string | null>(null);
  const [view, setView] = useState<string | null>('eligibility');

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

  const rows = useRepositoryQuery(
    () => (schemeId === null ? Promise.resolve(null) : subsidyEligibility(schemeId, today)),
    [schemeId, today],
  );
  const claims = useRepositoryQuery(
    () => (schemeId === null ? Promise.resolve(null) : claimsOfScheme(schemeId)),
    [schemeId],
  );
  const payees = useRepositoryQuery(async () => {
    if (schemeId === null) return new Map<string, string>();
    const report = await reportClaims();
    return new Map(report.filter((claim) => claim.schemeId === schemeId).map((claim) => [claim.id, claim.payeeName]));
  }, [schemeId]);
  const names = useMemo(() => new Map((rows ?? []).map((row) => [row.workerId, row.name])), [rows]);

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
      <Title order={2}>{t('subsidy.page.title')}</Title>
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
              {claims && payees ? (
                <ClaimsList key={scheme.id} claims={claims} names={names} payees={payees} today={today} />
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
