import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '@renderer/components/DateField';

interface WallTimeFieldsProps {
  /** The date field's label: "到达日期". */
  dateLabel: string;
  /** The time field's label: "到达时间"; "(Beijing time)" is added to it. */
  timeLabel: string;
  /** The Beijing date as `yyyy-MM-dd`, or ''. */
  date: string;
  /** The Beijing `HH:mm` as typed. */
  time: string;
  onDateChange: (date: string) => void;
  onTimeChange: (time: string) => void;
  dateError?: string;
  timeError?: string;
}

/** A date and an `HH:mm` in Beijing time, as the escort reads them off the station clock. */
export function WallTimeFields(props: WallTimeFieldsProps) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <DateField
        label={props.dateLabel}
        withAsterisk
        w={180}
        value={props.date}
        onChange={props.onDateChange}
        error={props.dateError}
      />
      <TextInput
        label={t('arrival.inBeijingTime', { label: props.timeLabel })}
        placeholder={t('arrival.timeHint')}
        withAsterisk
        w={215}
        value={props.time}
        onChange={(event) => props.onTimeChange(event.currentTarget.value)}
        error={props.timeError}
      />
    </Group>
  );
}
