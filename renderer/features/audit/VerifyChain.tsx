import { useRef, useState } from 'react';
import { Alert, Anchor, Button, Progress, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatTimestamp } from '@shared/dates';
import { shortAuditHash, type AuditAnchor } from '@shared/audit/anchor';
import type { Language } from '@shared/domain/records';
import {
  currentAuditAnchor,
  useRepositoryQuery,
  verifyAuditChain,
  type AnchorWitness,
  type AuditChainReport,
  type AuditVerifyProgress,
} from '../../db';
import { readBackupManifest } from '@shared/backup';
import { platform } from '../../platform';
import { logger } from '../../logger';
import { tableLabel } from './audit-labels';
import { useLanguage } from '../../i18n/use-language';

/** The check's state: not run, running (with progress), done, or failed. */
type VerifyState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: AuditVerifyProgress }
  | { kind: 'done'; report: AuditChainReport }
  | { kind: 'failed'; message: string };

/** This installation's anchor in one line: latest hash (short), entries, when (issue 16, item 1). */
export function anchorLine(anchor: AuditAnchor | null, t: TFunction, language: Language): string {
  if (anchor === null) return t('audit.anchor.lineMissing');
  if (anchor.head.count === 0 || anchor.head.at === null) return t('audit.anchor.lineEmpty');
  return t('audit.anchor.line', {
    hash: anchor.head.hash ? shortAuditHash(anchor.head.hash) : '—',
    entries: anchor.head.count,
    at: formatTimestamp(anchor.head.at, language),
  });
}

/** The anchor as it stands now, under the page's title, to be written down. */
export function AuditAnchorLine() {
  const { t } = useTranslation();
  const language = useLanguage();
  const anchor = useRepositoryQuery(currentAuditAnchor, []);
  if (anchor === undefined) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="audit-anchor" title={t('audit.anchor.help')}>
      {anchorLine(anchor, t, language)}
    </Text>
  );
}

/** What the check found about the trail's end, in words (a broken anchor). */
function anchorFindingText(report: AuditChainReport, t: TFunction, language: Language): string {
  const { anchor } = report;
  const head = anchor?.head;
  const at = head?.at ? formatTimestamp(head.at, language) : '';
  const hash = head?.hash ? shortAuditHash(head.hash) : '—';
  const expected = head?.count ?? 0;
  switch (report.anchorFinding) {
    case 'behind':
      return t('audit.anchor.findings.behind', {
        missing: expected - report.rows,
        expected,
        hash,
        at,
        rows: report.rows,
      });
    case 'differs':
      return t('audit.anchor.findings.differs', { expected, hash, at });
    case 'beyond':
      return t('audit.anchor.findings.beyond', { extra: report.rows - expected, expected, at });
    case 'missing':
      return t('audit.anchor.findings.missing', { rows: report.rows });
    case 'lost':
      return t('audit.anchor.findings.lost', {
        lostAt: anchor?.lostAt ? formatTimestamp(anchor.lostAt, language) : '',
      });
    default:
      return '';
  }
}

/**
 * The anchor of the newest backup this installation keeps that carries one (its manifest, read from
 * the file's first bytes): a second anchor, kept outside the database (issue 16, item 1).
 */
async function newestBackupWitness(): Promise<AnchorWitness | null> {
  try {
    const { backups } = await platform.listBackups();
    for (const backup of backups) {
      try {
        const manifest = readBackupManifest(backup.head);
        if (manifest.auditChain) return { anchor: manifest.auditChain, createdAt: manifest.createdAt };
      } catch {
        // A damaged file says nothing; the next one may.
      }
    }
  } catch (error) {
    logger.warn('listing backups for the audit check failed', error);
  }
  return null;
}

/** What the check found against the newest backup's anchor, in words; '' when it was not compared. */
function witnessText(report: AuditChainReport, t: TFunction, language: Language): string {
  const { witness } = report;
  if (!witness || witness.finding === 'superseded' || witness.finding === 'not-compared') return '';
  const head = witness.anchor.head;
  return t(`audit.anchor.witness.${witness.finding}`, {
    date: formatTimestamp(witness.createdAt, language),
    count: head.count,
    hash: head.hash ? shortAuditHash(head.hash) : '—',
    rows: report.rows,
  });
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
    newestBackupWitness()
      .then((witness) =>
        verifyAuditChain({ witness, onProgress: (progress) => setState({ kind: 'running', progress }) }),
      )
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
    const { anchor } = report;
    const empty = report.anchorFinding === 'none' || report.rows === 0;
    return (
      <Alert color="teal" variant="light" data-testid="verify-result" data-intact="true">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {empty
              ? t('audit.anchor.intactEmpty')
              : t('audit.anchor.intact', {
                  rows: report.rows,
                  checked: report.checked,
                  start: anchor?.start
                    ? t('audit.anchor.startAt', { at: formatTimestamp(anchor.start.at, language) })
                    : t('audit.anchor.startUnknown'),
                  at: anchor?.head.at ? formatTimestamp(anchor.head.at, language) : '',
                  hash: report.headHash ? shortAuditHash(report.headHash) : '—',
                })}
          </Text>
          {report.unsealed > 0 && <Text size="sm">{t('audit.verify.unsealed', { count: report.unsealed })}</Text>}
          {witnessText(report, t, language) !== '' && <Text size="sm">{witnessText(report, t, language)}</Text>}
          {!empty && <Text size="sm">{t('audit.anchor.proves')}</Text>}
          <Text size="sm" c="dimmed">
            {t('audit.anchor.cannot')}
          </Text>
        </Stack>
      </Alert>
    );
  }
  const broken = report.brokenRecord;
  return (
    <Alert
      color="red"
      variant="light"
      data-testid="verify-result"
      data-intact="false"
      data-broken-seq={broken?.seq}
      data-anchor={report.anchorFinding}
    >
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
            : anchorFindingText(report, t, language)}
        </Text>
        {witnessText(report, t, language) !== '' && <Text size="sm">{witnessText(report, t, language)}</Text>}
        {broken && <Text size="sm">{t('audit.anchor.notCompared')}</Text>}
        <Text size="sm" c="dimmed">
          {t('audit.anchor.cannot')}
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
