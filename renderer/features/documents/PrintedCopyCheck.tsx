import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconQrcode } from '@tabler/icons-react';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPrintedCopy, type PrintedCopyCheck as CheckResult } from '@shared/documents/digest';
import { loadBatchPapers } from '../../db';
import { logger } from '../../logger';

const RESULT_LOOKS: Readonly<Record<CheckResult, { color: string; icon: ReactNode }>> = {
  current: { color: 'teal', icon: <IconCircleCheck size={18} /> },
  changed: { color: 'red', icon: <IconCircleX size={18} /> },
  'other-batch': { color: 'orange', icon: <IconAlertTriangle size={18} /> },
  unreadable: { color: 'yellow', icon: <IconAlertTriangle size={18} /> },
};

interface PrintedCopyCheckProps {
  /** The batch a printed cover sheet is checked against. */
  batchId: string;
}

/**
 * Checks a printed copy against the data: the cover sheet's QR code (scanned into the field, as a
 * scanner types it and presses Enter, or pasted) against the batch's manifest as it is now.
 */
export function PrintedCopyCheck({ batchId }: PrintedCopyCheckProps) {
  const { t } = useTranslation();
  const [scanned, setScanned] = useState('');
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (scanned.trim() === '') return;
    setBusy(true);
    try {
      const { papers } = await loadBatchPapers(batchId);
      setResult(await checkPrintedCopy(scanned, { ...papers, gate: [] }));
    } catch (error) {
      logger.error('printed copy check failed', error);
      setResult('unreadable');
    } finally {
      setBusy(false);
    }
  };

  const look = result ? RESULT_LOOKS[result] : null;
  return (
    <Card withBorder component="section" aria-labelledby="printed-copy-check">
      <form onSubmit={(event) => void check(event)} noValidate>
        <Stack gap="sm">
          <Title order={4} id="printed-copy-check">
            {t('documents.check.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('documents.check.hint')}
          </Text>
          <Group align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              label={t('documents.check.label')}
              placeholder={t('documents.check.placeholder')}
              leftSection={<IconQrcode size={16} />}
              value={scanned}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => {
                setScanned(event.currentTarget.value);
                setResult(null);
              }}
            />
            <Button type="submit" variant="light" loading={busy} disabled={scanned.trim() === ''}>
              {t('documents.check.button')}
            </Button>
          </Group>
          {result && look && (
            <Alert
              color={look.color}
              icon={look.icon}
              data-testid="printed-copy-result"
              data-result={result}
              role="status"
            >
              {t(`documents.check.${result}`)}
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}
