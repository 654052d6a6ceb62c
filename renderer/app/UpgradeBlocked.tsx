import { useMemo, useState } from 'react';
import { Alert, Button, Card, Center, Code, Group, MantineProvider, Stack, Text, Title } from '@mantine/core';
import { createI18n } from '../i18n';
import { theme } from './theme';

interface UpgradeBlockedProps {
  /** Why the backup failed, as the error said it. */
  message: string;
  /** Tries the backup again (main.tsx reloads the page). */
  onRetry: () => void;
  /** Opens, and so upgrades, the database without a backup: only after the person confirms. */
  onProceed: () => void;
}

/**
 * Shown instead of the app when the backup before a schema upgrade failed (issue 21): opening the
 * database would upgrade it, so nothing opens until the backup succeeds or the person, warned,
 * chooses to update without one. The chosen language is in the database, which can not be read
 * without opening it: the screen speaks Chinese first, then English.
 */
export function UpgradeBlocked({ message, onRetry, onProceed }: UpgradeBlockedProps) {
  const i18n = useMemo(() => createI18n('zh-CN'), []);
  const texts = [i18n.getFixedT('zh-CN'), i18n.getFixedT('en')] as const;
  const [confirming, setConfirming] = useState(false);
  const both = (key: string, values?: Record<string, string>) =>
    texts.map((t, index) => (
      <Text key={index} c={index === 0 ? undefined : 'dimmed'} lang={index === 0 ? 'zh-CN' : 'en'}>
        {t(key, values)}
      </Text>
    ));
  return (
    <MantineProvider theme={theme}>
      <Center mih="100vh" p="md">
        <Card withBorder maw={720} data-testid="upgrade-blocked" role="alert">
          <Stack>
            <Title order={3}>{texts[0]('app.upgradeBlocked.title')}</Title>
            <Title order={5} c="dimmed" lang="en">
              {texts[1]('app.upgradeBlocked.title')}
            </Title>
            {both('app.upgradeBlocked.text')}
            <Code block>{texts[0]('app.upgradeBlocked.error', { message })}</Code>
            <Group>
              <Button onClick={onRetry}>
                {texts[0]('app.upgradeBlocked.retry')} / {texts[1]('app.upgradeBlocked.retry')}
              </Button>
              {!confirming && (
                <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
                  {texts[0]('app.upgradeBlocked.proceed')} / {texts[1]('app.upgradeBlocked.proceed')}
                </Button>
              )}
            </Group>
            {confirming && (
              <Alert color="red" variant="light">
                <Stack gap="xs">
                  {both('app.upgradeBlocked.proceedWarning')}
                  <Group>
                    <Button color="red" onClick={onProceed}>
                      {texts[0]('app.upgradeBlocked.proceedConfirm')} / {texts[1]('app.upgradeBlocked.proceedConfirm')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
          </Stack>
        </Card>
      </Center>
    </MantineProvider>
  );
}
