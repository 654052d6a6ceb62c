import { useId } from 'react';
import { Button, SegmentedControl, SimpleGrid, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { HealthCodeColour, Symptom } from '@shared/domain/records';
import { HEALTH_CODE_COLOURS, SYMPTOMS } from '@shared/health';
import type { CheckValues } from './check-values';

const CODE_COLOR: Readonly<Record<HealthCodeColour, string>> = { green: 'teal', yellow: 'yellow', red: 'red' };

interface FindingsFieldsProps {
  /** The check form. */
  form: UseFormReturnType<CheckValues>;
}

/** What else the examiner finds: symptoms as big toggles, the health code's colour, and contact with a confirmed case. */
export function FindingsFields({ form }: FindingsFieldsProps) {
  const { t } = useTranslation();
  const codeLabel = useId();
  const contactLabel = useId();
  const values = form.getValues();

  const toggleSymptom = (symptom: Symptom) =>
    form.setFieldValue(
      'symptoms',
      values.symptoms.includes(symptom) ? values.symptoms.filter((s) => s !== symptom) : [...values.symptoms, symptom],
    );

  return (
    <>
      <div role="group" aria-label={t('health.form.symptoms')}>
        <Text fz={18} fw={500} mb={4}>
          {t('health.form.symptoms')}
        </Text>
        <SimpleGrid cols={3} spacing="xs">
          {SYMPTOMS.map((symptom) => {
            const on = values.symptoms.includes(symptom);
            return (
              <Button
                key={symptom}
                type="button"
                size="lg"
                px="xs"
                variant={on ? 'filled' : 'default'}
                color={on ? 'red' : undefined}
                aria-pressed={on}
                data-symptom={symptom}
                onClick={() => toggleSymptom(symptom)}
              >
                {on ? `✓ ${t(`health.symptoms.${symptom}`)}` : t(`health.symptoms.${symptom}`)}
              </Button>
            );
          })}
        </SimpleGrid>
      </div>

      <SimpleGrid cols={2} spacing="sm">
        <div>
          <Text fz={18} fw={500} mb={4} id={codeLabel}>
            {t('health.form.healthCode')}
          </Text>
          <SegmentedControl
            fullWidth
            size="lg"
            aria-labelledby={codeLabel}
            color={CODE_COLOR[values.healthCode]}
            data={HEALTH_CODE_COLOURS.map((colour) => ({
              value: colour,
              label: t(`health.healthCode.${colour}`),
            }))}
            value={values.healthCode}
            onChange={(value) =>
              form.setFieldValue('healthCode', HEALTH_CODE_COLOURS.find((colour) => colour === value) ?? 'green')
            }
            data-code={values.healthCode}
          />
        </div>
        <div>
          <Text fz={18} fw={500} mb={4} id={contactLabel}>
            {t('health.form.contact')}
          </Text>
          <SegmentedControl
            fullWidth
            size="lg"
            aria-labelledby={contactLabel}
            color={values.contact === 'yes' ? 'red' : 'gray'}
            data={[
              { value: 'no', label: t('health.form.contactNo') },
              { value: 'yes', label: t('health.form.contactYes') },
            ]}
            value={values.contact}
            onChange={(value) => form.setFieldValue('contact', value === 'yes' ? 'yes' : 'no')}
          />
        </div>
      </SimpleGrid>
    </>
  );
}
