import { useEffect, useMemo, useState } from 'react';
import type { Language } from '@shared/domain/records';
import { createHashRouter, RouterProvider } from 'react-router-dom';
import { Center, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { ModalsProvider } from '@mantine/modals';
import { I18nextProvider } from 'react-i18next';
import { getSettings, useRepositoryQuery } from '../db';
import { createI18n } from '../i18n';
import { logger } from '../logger';
import { tellShellLanguage } from '../platform/shell';
import { theme } from './theme';
import { NAVBAR_WIDTH, Shell } from './Shell';
import { BackupNotices } from './BackupNotices';
import { DatesLanguage } from '../components/DateField';

/** Asks once that the browser keep our data even when the disk runs low (shown in settings). */
function usePersistentStorage(): void {
  useEffect(() => {
    const storage = navigator.storage;
    if (!storage?.persist) return;
    void storage
      .persisted()
      .then((persisted) => (persisted ? true : storage.persist()))
      .catch((error: unknown) => logger.warn('persistent storage request failed', error));
  }, []);
}

/** Notices shown at once; more wait their turn. */
const NOTICES_SHOWN = 2;
/** Mantine's gap between the notices and the window's edge (spacing md), kept on the navigation's side too. */
const NOTICE_MARGIN = 16;

export function App() {
  const settings = useRepositoryQuery(getSettings, []);
  const language = settings?.language;
  // One i18n instance for the app's life; the language follows the stored setting.
  const i18n = useMemo(() => createI18n('zh-CN'), []);
  // A data router: pages can ask before they are left with unsaved changes (components/unsaved-changes.tsx).
  const router = useMemo(() => createHashRouter([{ path: '*', element: <Shell /> }]), []);
  usePersistentStorage();

  // The first screen waits for the stored language, so a user who chose English never sees Chinese flash by.
  const [shownLanguage, setShownLanguage] = useState<Language | null>(null);
  useEffect(() => {
    if (!language) return;
    void i18n.changeLanguage(language).then(() => setShownLanguage(language));
    document.documentElement.lang = language;
    // The desktop's menu and dialogs speak the person's language too (issue 21).
    tellShellLanguage(language);
  }, [i18n, language]);

  return (
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        {shownLanguage === null ? (
          <Center h="100vh">
            <Stack align="center" gap="xs">
              <Loader />
              <Text c="dimmed">{i18n.t('app.loading')}</Text>
            </Stack>
          </Center>
        ) : (
          <DatesLanguage>
            <ModalsProvider>
              {/*
              Notices stand at the bottom of the navigation, as wide as it: every page's buttons, the
              forms' and the import's at the bottom, the dialogs' in the middle, are right of it. At
              most NOTICES_SHOWN at once (the others wait), so they never reach the navigation's links.
            */}
              <Notifications
                position="bottom-left"
                containerWidth={NAVBAR_WIDTH - 2 * NOTICE_MARGIN}
                limit={NOTICES_SHOWN}
              />
              <BackupNotices />
              <RouterProvider router={router} />
            </ModalsProvider>
          </DatesLanguage>
        )}
      </I18nextProvider>
    </MantineProvider>
  );
}
