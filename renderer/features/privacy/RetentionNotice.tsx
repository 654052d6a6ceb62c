import { Alert, Anchor, Group, Text } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { retentionOffer, useRepositoryQuery } from '../../db';

/**
 * On the home page: says when people of batches closed longer than the retention period can be
 * anonymised, and leads to settings, where it is done (never automatically). Nothing otherwise.
 */
export function RetentionNotice() {
  const { t } = useTranslation();
  const offer = useRepositoryQuery(retentionOffer, []);
  if (!offer || offer.people === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconShieldLock size={18} />} data-testid="retention-notice">
      <Group justify="space-between">
        <Text size="sm">{t('audit.privacy.homeNotice', { people: offer.people })}</Text>
        <Anchor component={Link} to="/settings" size="sm">
          {t('audit.privacy.homeLink')}
        </Anchor>
      </Group>
    </Alert>
  );
}
