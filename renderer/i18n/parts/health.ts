/**
 * The health-check station's texts, in both languages side by side: one file per screen, so that
 * people working on different screens do not edit the same file.
 */
import type { Widen } from '../widen';

export const healthZhCN = {
  title: '体检站',
} as const;

export const healthEn: Widen<typeof healthZhCN> = {
  title: 'Health-check station',
};
