import { Alert, Button, Group, Image, Loader, Modal, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logger } from '../../logger';
import type { PdfPages } from './pdf-pages';

/** Pages shown as thumbnails; a longer document says how many pages it has. */
export const PREVIEW_PAGES = 12;
/** A thumbnail's width in CSS pixels. */
const THUMBNAIL_WIDTH = 220;
/** The width of a page opened large. */
const LARGE_WIDTH = 860;

/** A document made for preview: its bytes and what to call it. */
export interface PreviewDocument {
  /** Tells one build from the next, so each preview starts afresh. */
  id: number;
  /** The PDF. */
  bytes: Uint8Array;
  /** The document's name in the user's language, for the title. */
  title: string;
  /** Whether it prints full numbers (shown beside the title). */
  fullNumbers: boolean;
}

interface PreviewModalProps {
  /** The document to show; the modal is closed while null. */
  preview: PreviewDocument | null;
  /** Saves the document shown (the same bytes: no second build). */
  onSave: () => void;
  /** Closes the preview. */
  onClose: () => void;
}

type PagesState =
  | { status: 'loading' }
  | { status: 'ready'; pageCount: number; thumbnails: string[] }
  | { status: 'failed'; message: string };

/**
 * A document's first pages as thumbnails (drawn by pdf.js, loaded on first use), the page count,
 * a page opened large on click, and Save.
 */
export function PreviewModal({ preview, onSave, onClose }: PreviewModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={preview !== null}
      onClose={onClose}
      size="min(1100px, 95vw)"
      title={
        preview && (
          <Group gap="sm">
            <Text fw={600}>{t('documents.preview.title', { document: preview.title })}</Text>
            <Text size="sm" c={preview.fullNumbers ? 'orange.8' : 'dimmed'} fw={preview.fullNumbers ? 600 : undefined}>
              {preview.fullNumbers ? t('documents.fullNumbers.full') : t('documents.fullNumbers.masked')}
            </Text>
          </Group>
        )
      }
    >
      {preview && <PreviewPages key={preview.id} bytes={preview.bytes} onSave={onSave} onClose={onClose} />}
    </Modal>
  );
}

interface PreviewPagesProps {
  /** The PDF to draw. */
  bytes: Uint8Array;
  /** Saves the document shown. */
  onSave: () => void;
  /** Closes the preview. */
  onClose: () => void;
}

/** The pages of one document: opened once when shown, freed when it goes. */
function PreviewPages({ bytes, onSave, onClose }: PreviewPagesProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<PagesState>({ status: 'loading' });
  const [pages, setPages] = useState<PdfPages | null>(null);
  const [large, setLarge] = useState<{ number: number; url: string | null } | null>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: PdfPages | null = null;
    void (async () => {
      try {
        const { openPdfPages } = await import('./pdf-pages');
        const document = await openPdfPages(bytes);
        // Unmounted while opening: the cleanup found nothing to close.
        if (cancelled) return document.close();
        opened = document;
        setPages(document);
        const shown = Math.min(document.pageCount, PREVIEW_PAGES);
        const thumbnails: string[] = [];
        for (let number = 1; number <= shown && !cancelled; number += 1) {
          thumbnails.push(await document.render(number, THUMBNAIL_WIDTH));
          if (!cancelled) setState({ status: 'ready', pageCount: document.pageCount, thumbnails: [...thumbnails] });
        }
      } catch (error) {
        if (cancelled) return;
        logger.error('preview failed', error);
        setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [bytes]);

  const openLarge = (number: number) => {
    if (!pages) return;
    setLarge({ number, url: null });
    void pages
      .render(number, LARGE_WIDTH)
      .then((url) => setLarge((current) => (current?.number === number ? { number, url } : current)))
      .catch((error: unknown) => logger.error('page could not be drawn', error));
  };

  const shownCount = state.status === 'ready' ? Math.min(state.pageCount, PREVIEW_PAGES) : 0;

  return (
    <Stack data-testid="document-preview" data-status={state.status}>
      <Group justify="space-between">
        <Text size="sm" data-testid="preview-page-count">
          {state.status === 'ready' && t('documents.preview.pages', { count: state.pageCount })}
          {state.status === 'ready' &&
            state.pageCount > PREVIEW_PAGES &&
            ` · ${t('documents.preview.firstPages', { shown: PREVIEW_PAGES })}`}
        </Text>
        <Group>
          <Button variant="default" onClick={onClose}>
            {t('documents.preview.close')}
          </Button>
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={onSave}>
            {t('documents.preview.save')}
          </Button>
        </Group>
      </Group>
      {state.status === 'failed' && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />}>
          {t('documents.preview.failed', { message: state.message })}
        </Alert>
      )}
      {state.status === 'loading' && (
        <Group gap="sm">
          <Loader size="sm" />
          <Text size="sm">{t('documents.preview.rendering')}</Text>
        </Group>
      )}
      {large && (
        <UnstyledButton
          onClick={() => setLarge(null)}
          aria-label={t('documents.preview.page', { n: large.number })}
          data-testid="preview-large"
        >
          {large.url ? (
            <Image
              src={large.url}
              alt={t('documents.preview.page', { n: large.number })}
              fit="contain"
              bd="1px solid gray.4"
            />
          ) : (
            <Loader size="sm" />
          )}
        </UnstyledButton>
      )}
      {state.status === 'ready' && (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="md" data-testid="preview-thumbnails">
          {state.thumbnails.map((url, index) => (
            <UnstyledButton
              key={url}
              onClick={() => openLarge(index + 1)}
              data-selected={large?.number === index + 1}
              aria-label={t('documents.preview.page', { n: index + 1 })}
            >
              <Stack gap={4} align="center">
                <Image
                  src={url}
                  alt={t('documents.preview.page', { n: index + 1 })}
                  w={THUMBNAIL_WIDTH}
                  bd="1px solid gray.4"
                  style={{ boxShadow: 'var(--mantine-shadow-xs)' }}
                />
                <Text size="xs" c="dimmed">
                  {t('documents.preview.page', { n: index + 1 })}
                </Text>
              </Stack>
            </UnstyledButton>
          ))}
          {state.thumbnails.length < shownCount && <Loader size="sm" />}
        </SimpleGrid>
      )}
    </Stack>
  );
}
