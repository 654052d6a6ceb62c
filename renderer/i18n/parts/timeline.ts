/** A worker's employment timeline and contacts, an enterprise's retention (issue 17, item 4). */
import type { Widen } from '../widen';

export const timelineZhCN = {
  title: '就业跟踪',
} as const;

export const timelineEn: Widen<typeof timelineZhCN> = {
  title: 'Employment follow-up',
};
