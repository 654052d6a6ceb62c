/** Enterprise confirmation lists: the import of who is still employed (issue 17, item 6). */
import type { Widen } from '../widen';

export const confirmationsZhCN = {
  title: '企业在岗核实名单',
} as const;

export const confirmationsEn: Widen<typeof confirmationsZhCN> = {
  title: 'Enterprise confirmation lists',
};
