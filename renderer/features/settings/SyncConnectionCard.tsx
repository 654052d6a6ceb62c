/**
 * The sync server's connection under Settings (issue 20, docs/architecture.md#the-connection): the
 * server's address, the county's database, the user and the password; a test of the connection
 * that answers in words, a save, and a way to forget the kept password. No push or pull yet.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Settings } from '@shared/domain/records';
import { bindingProblem, checkConnection, type ConnectionOutcome, type SyncBinding } from '@shared/sync/connection';
import { readSyncBinding, saveSyncBinding } from '../../db';
import { isDesktop, platform } from '../../platform';
import { countyOf } from '../subsidies/papers/paper-choice';

export interface County {
  code: string;
  name: string;
}

/** The office's county as Settings know it, or null until its code and its name are set. */
export function officeCounty(settings: Pick<Settings, 'countyCode' | 'organizationName'>): County | null {
  const name = countyOf(settings.organizationName) || settings.organizationName.trim();
  return settings.countyCode === '' || name === '' ? null : { code: settings.countyCode, name };
}

export type ConnectionChecker = (binding: SyncBinding, password: string, county: County) => Promise<ConnectionOutcome>;

/** How long the test waits for the server before it says it cannot be reached. */
const TEST_TIMEOUT_MS = 15_000;

const checkWithNetwork: ConnectionChecker = (binding, password, county) =>
  checkConnection({
    fetch: (url, init) => fetch(url, init),
    binding,
    password,
    county,
    signal: AbortSignal.timeout(TEST_TIMEOUT_MS),
  });

/** The outcome as a sentence saying what to do. */
export function outcomeMessage(outcome: ConnectionOutcome, countyName: string, t: TFunction): string {
  switch (outcome.kind) {
    case 'bad-binding':
      return t(`sync.problem.${outcome.problem}`);
    case 'other-county':
      return t('sync.outcome.other-county', {
        name: outcome.countyName || outcome.countyCode,
        code: outcome.countyCode,
      });
    case 'server-error':
      return t('sync.outcome.server-error', { status: outcome.status });
    case 'empty':
      return t('sync.outcome.empty', { name: countyName });
    default:
      return t(`sync.outcome.${outcome.kind}`);
  }
}

const EMPTY: SyncBinding = { serverUrl: '', database: '', user: '' };

export function SyncConnectionCard({
  settings,
  check = checkWithNetwork,
}: {
  settings: Settings;
  check?: ConnectionChecker;
}) {
  const { t } = useTranslation();
  const county = officeCounty(settings);
  const [binding, setBinding] = useState<SyncBinding>(EMPTY);
  const [password, setPassword] = useState('');
  const [kept, setKept] = useState(false);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [outcome, setOutcome] = useState<ConnectionOutcome | null>(null);
  const [notice, setNotice] = useState<{ color: string; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([readSyncBinding(), platform.readSyncPassword()]).then(([stored, storedPassword]) => {
      if (!live) return;
      if (stored) setBinding(stored);
      setKept(storedPassword !== null);
    });
    return () => {
      live = false;
    };
  }, []);

  const field = (name: keyof SyncBinding) => ({
    value: binding[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setBinding((current) => ({ ...current, [name]: value }));
      setOutcome(null);
      setNotice(null);
    },
  });

  const passwordToUse = async (): Promise<string | null> =>
    password !== '' ? password : ((await platform.readSyncPassword())?.password ?? null);

  const test = async () => {
    if (!county) return;
    setNotice(null);
    setOutcome(null);
    const typed = await passwordToUse();
    if (typed === null) {
      setNotice({ color: 'yellow', text: t('sync.passwordMissing') });
      return;
    }
    setBusy('test');
    try {
      setOutcome(await check(binding, typed, county));
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    setNotice(null);
    setOutcome(null);
    const problem = bindingProblem({ ...binding, serverUrl: binding.serverUrl.trim(), user: binding.user.trim() });
    if (problem) {
      setOutcome({ kind: 'bad-binding', problem });
      return;
    }
    setBusy('save');
    try {
      const saved = await saveSyncBinding(binding);
      setBinding(saved);
      if (password !== '') {
        const { stored } = await platform.storeSyncPassword({ password });
        if (!stored) {
          setNotice({ color: 'yellow', text: t('sync.savedWithoutPassword') });
          return;
        }
        setKept(true);
        setPassword('');
      }
      setNotice({ color: 'teal', text: t('sync.saved') });
    } finally {
      setBusy(null);
    }
  };

  const forget = async () => {
    await platform.forgetSyncPassword();
    setKept(false);
    setPassword('');
    setNotice({ color: 'teal', text: t('sync.forgotten') });
  };

  const good = outcome?.kind === 'ok' || outcome?.kind === 'empty';
  return (
    <Card withBorder data-testid="sync-connection">
      <Title order={4} mb="sm">
        {t('sync.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('sync.intro')}</Text>
        {county ? (
          <Text size="sm">{t('sync.county', { name: county.name, code: county.code })}</Text>
        ) : (
          <Alert color="yellow" variant="light">
            {t('sync.countyMissing')}
          </Alert>
        )}
        <SimpleGrid cols={2}>
          <TextInput label={t('sync.serverUrl')} description={t('sync.serverUrlHint')} {...field('serverUrl')} />
          <TextInput label={t('sync.database')} description={t('sync.databaseHint')} {...field('database')} />
          <TextInput label={t('sync.user')} autoComplete="off" {...field('user')} />
          <PasswordInput
            label={t('sync.password')}
            description={kept ? t('sync.passwordKept') : undefined}
            autoComplete="new-password"
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setOutcome(null);
            }}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {isDesktop ? t('sync.passwordDesktop') : t('sync.passwordBrowser')}
        </Text>
        {busy === 'test' && (
          <Alert color="blue" variant="light" role="status">
            {t('sync.testing')}
          </Alert>
        )}
        {outcome && (
          <Alert color={good ? 'teal' : 'red'} variant="light" role="status" data-testid="sync-outcome">
            {outcomeMessage(outcome, county?.name ?? '', t)}
          </Alert>
        )}
        {notice && (
          <Alert color={notice.color} variant="light" role="status">
            {notice.text}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void test()} loading={busy === 'test'} disabled={!county || busy !== null}>
            {t('sync.test')}
          </Button>
          <Button variant="default" onClick={() => void save()} loading={busy === 'save'} disabled={busy !== null}>
            {t('sync.save')}
          </Button>
          <Button variant="subtle" color="red" onClick={() => void forget()} disabled={!kept || busy !== null}>
            {t('sync.forget')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
