/** The follow-up register export (issue 17, item 7). */
import type { Widen } from '../widen';

export const registerZhCN = {
  title: '回访台账',
} as const;

export const registerEn: Widen<typeof registerZhCN> = {
  title: 'Follow-up register',
};
