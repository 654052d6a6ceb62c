import type { Widen } from './widen';
import { appZhCN, commonZhCN } from './parts/app';
import { homeZhCN } from './parts/home';
import { workersZhCN, placementZhCN } from './parts/workers';
import { rosterImportZhCN } from './parts/roster-import';
import { enterprisesZhCN, openingsZhCN } from './parts/enterprises';
import { settingsZhCN } from './parts/settings';
import { syncZhCN } from './parts/sync';
import { auditZhCN } from './parts/audit';
import { problemsZhCN } from './parts/problems';
import { routesZhCN } from './parts/routes';
import { batchesZhCN } from './parts/batches';
import { seatingZhCN } from './parts/seating';
import { gateZhCN } from './parts/gate';
import { planningZhCN } from './parts/planning';
import { healthZhCN } from './parts/health';
import { documentsZhCN } from './parts/documents';
import { backupsZhCN } from './parts/backups';
import { conflictZhCN } from './parts/conflict';
import { followupZhCN } from './parts/followup';
import { arrivalZhCN } from './parts/arrival';
import { confirmationsZhCN } from './parts/confirmations';
import { registerZhCN } from './parts/register';
import { timelineZhCN } from './parts/timeline';
import { subsidyZhCN } from './parts/subsidy';
import { agenciesZhCN, agencyProblemsZhCN } from './parts/agencies';
import { dashboardZhCN } from './parts/dashboard';
import { dashboardListsZhCN } from './parts/dashboard-lists';
import { dashboardChartsZhCN } from './parts/dashboard-charts';
import { dashboardPrintZhCN } from './parts/dashboard-print';

/**
 * Chinese (simplified): the default language. Every user-facing string of the app lives in `parts/`,
 * one file per screen or feature with both languages side by side; this file and en.ts assemble them.
 */
export const zhCN = {
  app: appZhCN,
  common: commonZhCN,
  home: homeZhCN,
  workers: workersZhCN,
  placement: placementZhCN,
  rosterImport: rosterImportZhCN,
  enterprises: enterprisesZhCN,
  openings: openingsZhCN,
  settings: settingsZhCN,
  sync: syncZhCN,
  audit: auditZhCN,
  problems: { ...problemsZhCN, ...agencyProblemsZhCN },
  routes: routesZhCN,
  batches: batchesZhCN,
  seating: seatingZhCN,
  gate: gateZhCN,
  planning: planningZhCN,
  health: healthZhCN,
  documents: documentsZhCN,
  backups: backupsZhCN,
  conflict: conflictZhCN,
  followup: followupZhCN,
  arrival: arrivalZhCN,
  confirmations: confirmationsZhCN,
  register: registerZhCN,
  timeline: timelineZhCN,
  subsidy: subsidyZhCN,
  agencies: agenciesZhCN,
  dashboard: dashboardZhCN,
  dashboardLists: dashboardListsZhCN,
  dashboardCharts: dashboardChartsZhCN,
  dashboardPrint: dashboardPrintZhCN,
} as const;

/** The shape every language must fill: the same keys as zh-CN. */
export type Messages = Widen<typeof zhCN>;
