import { Button, Modal, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpFilter } from '@shared/followup';
import { getSettings, useRepositoryQuery } from '@renderer/db';
import { useLanguage } from '@renderer/i18n/use-language';
import { FullNumbersConfirm, FullNumbersControl } from '@renderer/features/documents/FullNumbersControl';
import { exportRegister } from './export-register';

export interface RegisterExportButtonProps {
  /** The follow-ups the workspace shows: the register holds their contacts. */
  filter: FollowUpFilter;
}

const isEmpty = (filter: FollowUpFilter) => Object.values(filter).every((value) => value === undefined);

/**
 * The follow-up register export (issue 17, item 7): a button that asks whether resident IDs go in
 * full (the full-numbers switch of the documents, recorded in the audit trail as a print is), then
 * writes the register of what the workspace's filter shows, with progress and Cancel.
 */
export const RegisterExportButton = memo(function RegisterExportButton({ filter }: RegisterExportButtonProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useRepositoryQuery(getSettings, []);
  const [opened, setOpened] = useState(false);
  const [fullNumbers, setFullNumbers] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  const operatorMissing = (settings?.operatorName.trim() ?? '') === '';

  const close = () => {
    setOpened(false);
    setFullNumbers(false);
    setReason('');
  };
  const start = () => {
    const request = { filter, fullNumbers, reason, language, t };
    close();
    setRunning(true);
    void exportRegister(request).finally(() => setRunning(false));
  };

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={16} />}
        loading={running}
        onClick={() => setOpened(true)}
      >
        {t('register.export')}
      </Button>
      <Modal opened={opened && !confirming} onClose={close} title={t('register.dialogTitle')}>
        <Stack>
          <Text size="sm">{isEmpty(filter) ? t('register.scopeAll') : t('register.scope')}</Text>
          <FullNumbersControl
            fullNumbers={fullNumbers}
            operatorMissing={operatorMissing}
            disabled={false}
            onAsk={() => setConfirming(true)}
            onOff={() => {
              setFullNumbers(false);
              setReason('');
            }}
          />
          <Text size="sm" c="dimmed">
            {t('register.phoneNote')}
          </Text>
          <Button onClick={start} data-autofocus>
            {t('register.start')}
          </Button>
        </Stack>
      </Modal>
      <FullNumbersConfirm
        opened={confirming}
        reason={reason}
        onReason={setReason}
        onCancel={() => {
          setConfirming(false);
          setReason('');
        }}
        onConfirm={() => {
          setConfirming(false);
          setFullNumbers(true);
        }}
      />
    </>
  );
});
