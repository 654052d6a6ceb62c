import { useEffect, useRef, useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { findInterruptedImports, interruptedImports, useRepositoryQuery } from '@renderer/db';
import { useLanguage } from '@renderer/i18n/use-language';
import { logger } from '@renderer/logger';
import { interruptedImportText } from './roster-texts';

const noticeId = (importId: string) => `import-interrupted-${importId}`;

/**
 * Renders nothing: at start, finds the roster imports cut off half-way (the window closed or the
 * PC switched off during an import: renderer/db/repositories/import-journal.ts) and tells the
 * person which file stopped where, with a link to the import page, where it can be finished or
 * abandoned. A notice stays until closed, or until its import is finished or abandoned (in any
 * window); like every notice it stands in the navigation's empty lower end (App.tsx).
 */
export function ImportNotices() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  // The journal is looked at once the imports left running are marked interrupted.
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    void findInterruptedImports()
      .catch((error: unknown) => logger.error('finding interrupted imports failed', error))
      .finally(() => setChecked(true));
  }, []);
  const interrupted = useRepositoryQuery(interruptedImports, []);
  /** The notices open now, and the ones the person closed: not shown again until the next start. */
  const shown = useRef(new Set<string>());
  const closed = useRef(new Set<string>());

  useEffect(() => {
    if (!checked || !interrupted) return;
    const now = new Set(interrupted.map((entry) => entry.id));
    for (const id of shown.current) {
      if (now.has(id)) continue;
      notifications.hide(noticeId(id));
      shown.current.delete(id);
    }
    for (const entry of interrupted) {
      if (closed.current.has(entry.id)) continue;
      const id = noticeId(entry.id);
      const open = () => {
        notifications.hide(id);
        void navigate('/workers/import');
      };
      const onClose = () => {
        shown.current.delete(entry.id);
        closed.current.add(entry.id);
      };
      const notice = {
        id,
        color: 'yellow',
        position: 'bottom-left' as const,
        autoClose: false as const,
        onClose,
        message: (
          <Stack gap={6} align="flex-start" data-testid="import-interrupted-notice">
            <Text size="sm">{interruptedImportText(entry, 'notice', t, language)}</Text>
            <Button size="compact-sm" onClick={open}>
              {t('rosterImport.interrupted.open')}
            </Button>
          </Stack>
        ),
      };
      // A change of language rewords the notices still open.
      if (shown.current.has(entry.id)) notifications.update(notice);
      else notifications.show(notice);
      shown.current.add(entry.id);
    }
  }, [checked, interrupted, t, language, navigate]);

  return null;
}
