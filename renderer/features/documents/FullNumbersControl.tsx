import { Anchor, Button, Group, Modal, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

interface FullNumbersControlProps {
  /** Whether full numbers are on. */
  fullNumbers: boolean;
  /** True while no operator is named in settings: full numbers cannot be switched on. */
  operatorMissing: boolean;
  /** True while a document is being made. */
  disabled: boolean;
  /** Asks to switch full numbers on (opens the confirmation). */
  onAsk: () => void;
  /** Switches full numbers off, at once. */
  onOff: () => void;
}

/** The full-numbers switch, with what it means, and why it is unavailable while no operator is named. */
export function FullNumbersControl({ fullNumbers, operatorMissing, disabled, onAsk, onOff }: FullNumbersControlProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Switch
        checked={fullNumbers}
        disabled={disabled || (operatorMissing && !fullNumbers)}
        label={t('documents.fullNumbers.label')}
        description={t('documents.fullNumbers.description')}
        color="orange"
        onChange={(event) => (event.currentTarget.checked ? onAsk() : onOff())}
        data-testid="full-numbers-switch"
      />
      {operatorMissing && !fullNumbers && (
        <Group gap="xs" data-testid="full-numbers-operator-missing">
          <Text size="sm" c="orange.9">
            {t('documents.fullNumbers.operatorMissing')}
          </Text>
          <Anchor component={Link} to="/settings" size="sm">
            {t('documents.fullNumbers.settings')}
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}

interface FullNumbersConfirmProps {
  /** Whether the confirmation is shown. */
  opened: boolean;
  /** The purpose typed so far. */
  reason: string;
  /** Changes the purpose. */
  onReason: (reason: string) => void;
  /** Leaves full numbers off. */
  onCancel: () => void;
  /** Switches full numbers on. */
  onConfirm: () => void;
}

/** Asks before full numbers are switched on, says it is recorded, and takes an optional purpose. */
export function FullNumbersConfirm({ opened, reason, onReason, onCancel, onConfirm }: FullNumbersConfirmProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={t('documents.fullNumbers.confirmTitle')}>
      <Stack>
        <Text size="sm">{t('documents.fullNumbers.confirmText')}</Text>
        <Textarea
          label={t('documents.fullNumbers.reasonLabel')}
          placeholder={t('documents.fullNumbers.reasonPlaceholder')}
          autosize
          minRows={2}
          maxLength={200}
          value={reason}
          onChange={(event) => onReason(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={onConfirm}>
            {t('documents.fullNumbers.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
