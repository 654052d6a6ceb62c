import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { rosterTemplate, type RosterFormat } from '@shared/roster';
import { useLanguage } from '@renderer/i18n/use-language';
import { saveRosterFile } from './roster-files';

/** A menu that saves the blank roster template, as Excel or CSV, in the user's language. */
export function TemplateMenu() {
  const { t } = useTranslation();
  const language = useLanguage();
  const save = async (format: RosterFormat) => {
    const file = await rosterTemplate(format, language);
    await saveRosterFile(file.bytes, t('rosterImport.title'), format);
  };
  return (
    <Menu>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
          {t('rosterImport.template')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void save('xlsx')}>{t('rosterImport.templateXlsx')}</Menu.Item>
        <Menu.Item onClick={() => void save('csv')}>{t('rosterImport.templateCsv')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
