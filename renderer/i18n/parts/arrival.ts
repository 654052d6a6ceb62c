/** Arrival and handover on a batch's page (issue 17, item 1). */
import type { Widen } from '../widen';

export const arrivalZhCN = {
  title: '到达与交接',
} as const;

export const arrivalEn: Widen<typeof arrivalZhCN> = {
  title: 'Arrival and handover',
};
