import { useRef, useState } from 'react';
import { Alert, Anchor, Button, Progress, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '@shared/dates';
import { verifyAuditChain, type AuditChainReport, type AuditVerifyProgress } from '../../db';
import { logger } from '../../logger';
import { tableLabel } from './audit-labels';
import { useLanguage } from '../../i18n/use-language';

/** The check's state: not run, running (with progress), done, or failed. */
type VerifyState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: AuditVerifyProgress }
  | { kind: 'done'; report: AuditChainReport }
  | { kind: 'failed'; message: string };

/** A hash as people copy it by hand: its first 16 characters in groups of four. */
function shortHash(hash: string): string {
  return (
    hash
      .slice(0, 16)
      .toUpperCase()
      .match(/.{1,4}/g)
      ?.join('-') ?? ''
  );
}

/** The 校验 button and what it found. */
export function useVerifyChain(): {
  state: VerifyState;
  run: () => void;
} {
  const [state, setState] = useState<VerifyState>({ kind: 'idle' });
  const running = useRef(false);
  const run = () => {
    if (running.current) return;
    running.current = true;
    setState({ kind: 'running', progress: { done: 0, total: 0 } });
    verifyAuditChain({ onProgress: (progress) => setState({ kind: 'running', progress }) })
      .then((report) => setState({ kind: 'done', report }))
      .catch((error: unknown) => {
        logger.error('verifying the audit chain failed', error);
        setState({ kind: 'failed', message: String(error) });
      })
      .finally(() => {
        running.current = false;
      });
  };
  return { state, run };
}

interface VerifyButtonProps {
  /** The check's state, from `useVerifyChain`. */
  running: boolean;
  /** Starts the check. */
  onVerify: () => void;
}

/** Starts the check of the hash chain. */
export function VerifyButton({ running, onVerify }: VerifyButtonProps) {
  const { t } = useTranslation();
  return (
    <Button
      leftSection={<IconShieldCheck size={18} />}
      aria-label={t('audit.verify.label')}
      title={t('audit.verify.label')}
      loading={running}
      onClick={onVerify}
    >
      {t('audit.verify.button')}
    </Button>
  );
}

interface VerifyResultProps {
  /** The check's state, from `useVerifyChain`. */
  state: VerifyState;
  /** Opens the entry that breaks the chain, by its `seq`. */
  onShowEntry: (seq: number) => void;
}

/** What the check found: progress while it runs, then intact (with the newest hash) or the row that breaks it. */
export function VerifyResult({ state, onShowEntry }: VerifyResultProps) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  if (state.kind === 'idle') return null;
  if (state.kind === 'running') {
    const { done, total } = state.progress;
    return (
      <Stack gap={4} data-testid="verify-progress">
        <Text size="sm">{total > 0 ? t('audit.verify.running', { done, total }) : t('audit.loading')}</Text>
        <Progress value={total > 0 ? (100 * done) / total : 0} animated aria-label={t('audit.verify.label')} />
      </Stack>
    );
  }
  if (state.kind === 'failed') {
    return (
      <Alert color="red" variant="light" data-testid="verify-result" data-intact="unknown">
        {t('audit.verify.failed', { message: state.message })}
      </Alert>
    );
  }
  const { report } = state;
  if (report.intact) {
    return (
      <Alert color="teal" variant="light" data-testid="verify-result" data-intact="true">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('audit.verify.intact', { checked: report.checked })}
          </Text>
          {report.unsealed > 0 && <Text size="sm">{t('audit.verify.unsealed', { count: report.unsealed })}</Text>}
          {report.headHash && (
            <Text size="sm" c="dimmed">
              {t('audit.verify.head', { hash: shortHash(report.headHash) })}
            </Text>
          )}
        </Stack>
      </Alert>
    );
  }
  const broken = report.brokenRecord;
  return (
    <Alert color="red" variant="light" data-testid="verify-result" data-intact="false" data-broken-seq={broken?.seq}>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {broken
            ? t('audit.verify.broken', {
                seq: broken.seq,
                table: tableLabel(broken.table, t, i18n),
                record: broken.recordId,
                at: formatTimestamp(broken.at, language),
                problem: t(`audit.verify.problems.${report.problem ?? 'changed'}`),
              })
            : ''}
        </Text>
        {broken && (
          <Anchor component="button" type="button" size="sm" onClick={() => onShowEntry(broken.seq)}>
            {t('audit.verify.showBroken')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
