import type { Ref } from 'react';
import { Grid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CheckValues } from './check-values';

interface ReadingFieldsProps {
  /** The check form. */
  form: UseFormReturnType<CheckValues>;
  /** Whether the time is typed: a new check's is, a correction keeps the corrected check's. */
  withTime: boolean;
  /** The temperature field, which the form focuses. */
  temperatureRef: Ref<HTMLInputElement>;
  /** Called when the examiner's name is changed, so that the next check keeps it. */
  onExaminerChange: (examiner: string) => void;
}

/** The reading: the temperature (big, where the cursor waits), its time, and who took it. */
export function ReadingFields({ form, withTime, temperatureRef, onExaminerChange }: ReadingFieldsProps) {
  const { t } = useTranslation();
  return (
    <Grid gap="sm">
      <Grid.Col span={5}>
        <TextInput
          ref={temperatureRef}
          label={t('health.form.temperature')}
          placeholder={t('health.form.temperaturePlaceholder')}
          inputMode="decimal"
          autoComplete="off"
          size="xl"
          styles={{ input: { fontSize: 34, height: 64, fontWeight: 700 }, label: { fontSize: 18 } }}
          {...form.getInputProps('temperature')}
        />
      </Grid.Col>
      {withTime && (
        <Grid.Col span={3}>
          <TextInput
            label={t('health.form.time')}
            placeholder={t('health.form.timePlaceholder')}
            autoComplete="off"
            size="lg"
            styles={{ label: { fontSize: 18 } }}
            {...form.getInputProps('time')}
          />
        </Grid.Col>
      )}
      <Grid.Col span={withTime ? 4 : 7}>
        <TextInput
          label={t('health.form.examiner')}
          size="lg"
          styles={{ label: { fontSize: 18 } }}
          {...form.getInputProps('examiner')}
          onChange={(event) => {
            form.setFieldValue('examiner', event.currentTarget.value);
            onExaminerChange(event.currentTarget.value);
          }}
        />
      </Grid.Col>
    </Grid>
  );
}
