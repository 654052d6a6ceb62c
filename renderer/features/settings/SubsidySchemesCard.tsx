import { Fragment, useState } from 'react';
import { ActionIcon, Button, Card, Group, Modal, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SubsidySchemeRecord } from '@shared/domain/records';
import { todayCalendarDate } from '@shared/dates';
import { deleteScheme, listSchemes, useRepositoryQuery } from '@renderer/db';
import { notifyWriteFailure } from '@renderer/components/write-failure';
import { SchemeForm } from './subsidy/SchemeForm';
import { draftOf, emptyDraft, type SchemeDraft } from './subsidy/scheme-draft';
import { schemeAmountLines, schemeConditionsText } from './subsidy/scheme-summary';
import { useLanguage } from '@renderer/i18n/use-language';

/** The form open: a new scheme (`scheme` absent) or one being changed. */
interface Editing {
  scheme?: SubsidySchemeRecord;
  /** The form's first values, made once: the form tells its changes by them. */
  initial: SchemeDraft;
}

/**
 * The subsidy schemes (issue 18, item 1), several a year, listed by year, newest first: name,
 * kind, payee, amount or amounts by destination in yuan, and the conditions in words. Added and
 * changed in a form in a modal; deleted after a question, unless claims stand under the scheme
 * (the repository refuses, and the refusal is said in words).
 */
export function SubsidySchemesCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const schemes = useRepositoryQuery(listSchemes, []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<SubsidySchemeRecord | null>(null);

  const years = [...new Set((schemes ?? []).map((scheme) => scheme.year))];

  const remove = (scheme: SubsidySchemeRecord) => {
    setDeleting(null);
    deleteScheme(scheme.id)
      .then(() => notifications.show({ color: 'teal', message: t('subsidy.schemes.deleted', { name: scheme.name }) }))
      .catch((error: unknown) => notifyWriteFailure(error, t, 'deleting a subsidy scheme'));
  };

  return (
    <Card withBorder component="section" aria-labelledby="subsidy-schemes-title" data-testid="subsidy-schemes">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={4} id="subsidy-schemes-title">
            {t('subsidy.schemes.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('subsidy.schemes.hint')}
          </Text>
        </div>
        <Button
          size="xs"
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ initial: emptyDraft(Number(todayCalendarDate().slice(0, 4))) })}
        >
          {t('subsidy.schemes.add')}
        </Button>
      </Group>
      {schemes && schemes.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('subsidy.schemes.empty')}
        </Text>
      )}
      {schemes && schemes.length > 0 && (
        <Table aria-label={t('subsidy.schemes.title')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={180}>{t('subsidy.schemes.columns.name')}</Table.Th>
              <Table.Th>{t('subsidy.schemes.columns.payee')}</Table.Th>
              <Table.Th>{t('subsidy.schemes.columns.amount')}</Table.Th>
              <Table.Th>{t('subsidy.schemes.columns.conditions')}</Table.Th>
              <Table.Th>{t('subsidy.schemes.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {years.map((year) => (
              <Fragment key={year}>
                <Table.Tr>
                  <Table.Th colSpan={5} bg="var(--mantine-color-gray-0)">
                    {t('subsidy.schemes.year', { year })}
                  </Table.Th>
                </Table.Tr>
                {schemes
                  .filter((scheme) => scheme.year === year)
                  .map((scheme) => (
                    <Table.Tr key={scheme.id} data-testid="scheme-row">
                      <Table.Td>
                        <Text size="sm">{scheme.name}</Text>
                        <Text size="xs" c="dimmed">
                          {t(`subsidy.schemeKind.${scheme.kind}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`subsidy.payee.${scheme.payee}`)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {schemeAmountLines(scheme, t).map((line) => (
                          <Text size="sm" key={line}>
                            {line}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{schemeConditionsText(scheme, t, language)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('subsidy.schemes.editOne', { name: scheme.name })}
                            onClick={() => setEditing({ scheme, initial: draftOf(scheme) })}
                          >
                            <IconEdit size={16} />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('subsidy.schemes.deleteOne', { name: scheme.name })}
                            onClick={() => setDeleting(scheme)}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t(editing?.scheme ? 'subsidy.schemes.editTitle' : 'subsidy.schemes.createTitle')}
        size="xl"
        closeOnClickOutside={false}
      >
        {editing && (
          <SchemeForm
            scheme={editing.scheme}
            initial={editing.initial}
            onCancel={() => setEditing(null)}
            onSaved={() => setEditing(null)}
          />
        )}
      </Modal>

      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('subsidy.schemes.deleteTitle')}>
        {deleting && (
          <>
            <Text size="sm">{t('subsidy.schemes.deleteText', { name: deleting.name })}</Text>
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" onClick={() => remove(deleting)}>
                {t('common.delete')}
              </Button>
            </Group>
          </>
        )}
      </Modal>
    </Card>
  );
}
