import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarDate } from '@shared/domain/records';
import { RecordRejectedError } from '@shared/domain/problems';
import { DEFAULT_NOTICE_DAYS, noticeEnds, type ClaimStep } from '@shared/subsidy/claim-steps';
import { formatYuan, parseYuan, type Fen } from '@shared/subsidy/money';
import { isCalendarDate } from '@shared/dates';
import { stepClaims } from '../../db';
import { DateField } from '../../components/DateField';
import { numberFrom, type NumberFieldValue } from '../../components/field-problems';
import { writeFailureMessage } from '../../components/write-failure';
import { logger } from '../../logger';

export type StepKind = ClaimStep['to'];

/**
 * The small form of one step for the selected claims: the notice's first day and days (7 by
 * default), the day of a submission or approval, a payment's day, amount (the sum owed) and voucher
 * number, a rejection's day and reason. Dates are Beijing calendar days, today by default. A refusal
 * is said in words and nothing is stored.
 */
export function StepModal({
  step,
  claimIds,
  owedFen,
  today,
  onClose,
  onDone,
}: {
  step: StepKind;
  claimIds: readonly string[];
  owedFen: Fen;
  today: CalendarDate;
  onClose: () => void;
  onDone: (count: number) => void;
}) {
  const { t } = useTranslation();
  const [day, setDay] = useState<CalendarDate>(today);
  const [days, setDays] = useState<NumberFieldValue>(DEFAULT_NOTICE_DAYS);
  const [amount, setAmount] = useState(formatYuan(owedFen));
  const [voucher, setVoucher] = useState('');
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stepName = t(`subsidy.page.steps.${step}`);
  const noticeDays = numberFrom(days);

  const stepOf = (): ClaimStep | string => {
    switch (step) {
      case 'on-notice':
        return { to: step, noticeFrom: day, noticeDays };
      case 'submitted':
      case 'approved':
        return { to: step, on: day };
      case 'paid': {
        const parsed = parseYuan(amount);
        if ('problem' in parsed) return t(`subsidy.page.amountProblem.${parsed.problem}`);
        return { to: step, on: day, amountFen: parsed.fen, voucher };
      }
      case 'rejected':
        return { to: step, on: day, reason };
    }
  };

  const confirm = async () => {
    const taken = stepOf();
    if (typeof taken === 'string') {
      setRefusal(taken);
      return;
    }
    setBusy(true);
    setRefusal(null);
    try {
      await stepClaims(claimIds, taken, today);
      onDone(claimIds.length);
    } catch (error) {
      if (!(error instanceof RecordRejectedError)) logger.error('taking a claim step failed', error);
      setRefusal(writeFailureMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('subsidy.page.stepTitle', { step: stepName, count: claimIds.length })}>
      <Stack gap="sm" data-testid="step-form">
        <DateField
          label={step === 'on-notice' ? t('subsidy.page.noticeFrom') : t('subsidy.page.stepDate')}
          value={day}
          onChange={setDay}
          required
        />
        {step === 'on-notice' && (
          <>
            <NumberInput
              label={t('subsidy.page.noticeDays')}
              value={days}
              onChange={setDays}
              min={1}
              max={60}
              allowDecimal={false}
            />
            {isCalendarDate(day) && Number.isInteger(noticeDays) && noticeDays >= 1 && (
              <Text size="sm" c="dimmed" data-testid="notice-until">
                {t('subsidy.page.noticeUntil', { date: noticeEnds(day, noticeDays) })}
              </Text>
            )}
          </>
        )}
        {step === 'paid' && (
          <>
            <TextInput
              label={t('subsidy.page.paidAmount')}
              description={t('subsidy.page.owed', { amount: formatYuan(owedFen) })}
              value={amount}
              onChange={(event) => setAmount(event.currentTarget.value)}
            />
            <TextInput
              label={t('subsidy.page.voucher')}
              value={voucher}
              onChange={(event) => setVoucher(event.currentTarget.value)}
              required
            />
          </>
        )}
        {step === 'rejected' && (
          <Textarea
            label={t('subsidy.page.rejectReason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            required
            autosize
            minRows={2}
          />
        )}
        {refusal && (
          <Alert color="red" data-testid="step-refusal">
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('subsidy.page.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void confirm()} data-testid="step-confirm">
            {t('subsidy.page.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
