import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowUpFilter } from '@shared/followup';

export interface RegisterExportButtonProps {
  /** The follow-ups the workspace shows: the register holds their contacts. */
  filter: FollowUpFilter;
}

/** The follow-up register export (issue 17, item 7): placeholder until the export is built. */
export function RegisterExportButton(_props: RegisterExportButtonProps) {
  const { t } = useTranslation();
  return <Button disabled>{t('register.title')}</Button>;
}
