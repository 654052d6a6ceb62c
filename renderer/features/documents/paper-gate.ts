/**
 * The five unifications as the cover sheet prints them: the gate's report put into words in the
 * print language, with the same labels and reason sentences the gate panel shows, so that paper
 * and screen never disagree.
 */
import { CHECKLIST_ITEMS, UNIFICATION_LABELS } from '@shared/gate';
import type { GateReport } from '@shared/gate';
import type { PaperUnification } from '@shared/documents/model';
import { reasonMessage, type ReasonContext } from '../batches/gate/gate-text';

/** The gate report with its words in `context.language` (labels, reasons), for `BatchPapers.gate`. */
export function paperGate(report: GateReport, context: ReasonContext): PaperUnification[] {
  const { language } = context;
  return report.unifications.map((unification) => ({
    unification: unification.unification,
    label: UNIFICATION_LABELS[unification.unification][language],
    light: unification.light,
    items: unification.items.map((item) => ({
      key: item.key,
      label: CHECKLIST_ITEMS.find((row) => row.key === item.key)?.label[language] ?? item.key,
      state: item.state,
      reasons: item.reasons.map((reason) => reasonMessage(reason, context)),
      tick: item.tick,
    })),
  }));
}
