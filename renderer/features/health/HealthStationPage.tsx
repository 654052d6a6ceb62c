import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The health-check station of one batch (route `/batches/:id/health`). */
export function HealthStationPage() {
  const { t } = useTranslation();
  return <Title order={2}>{t('health.title')}</Title>;
}
