import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { logger } from '../../logger';
import { isDesktop, platform } from '../../platform';

/** The last file saved, to open it for printing. */
export interface SavedDocument {
  fileName: string;
  savedFileId: string | undefined;
}

/** Says what was saved, with Open to print (the system viewer in the desktop app, a tab in a browser). */
export function SavedNotice({ saved }: { /** The file just saved. */ saved: SavedDocument }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const open = async () => {
    const { savedFileId } = saved;
    if (!savedFileId) return;
    try {
      const result = await platform.openSavedFile({ savedFileId });
      setProblem(result.opened ? null : t(isDesktop ? 'documents.save.notOpened' : 'documents.save.browserNotOpened'));
    } catch (error) {
      logger.error('open saved file failed', error);
      setProblem(t('documents.save.notOpened'));
    }
  };
  return (
    <Alert color="teal" variant="light" data-testid="document-saved">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm">{t('documents.save.saved', { fileName: saved.fileName })}</Text>
          {saved.savedFileId && (
            <Button
              size="xs"
              leftSection={<IconPrinter size={14} />}
              aria-label={t('documents.save.openLabel', { fileName: saved.fileName })}
              onClick={() => void open()}
            >
              {t('documents.save.open')}
            </Button>
          )}
        </Group>
        {problem && (
          <Text size="sm" c="red.8">
            {problem}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
