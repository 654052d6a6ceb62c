import type { Messages } from './zh-CN';
import { appEn, commonEn } from './parts/app';
import { homeEn } from './parts/home';
import { workersEn, placementEn } from './parts/workers';
import { rosterImportEn } from './parts/roster-import';
import { enterprisesEn, openingsEn } from './parts/enterprises';
import { settingsEn } from './parts/settings';
import { syncEn } from './parts/sync';
import { auditEn } from './parts/audit';
import { problemsEn } from './parts/problems';
import { routesEn } from './parts/routes';
import { batchesEn } from './parts/batches';
import { seatingEn } from './parts/seating';
import { gateEn } from './parts/gate';
import { planningEn } from './parts/planning';
import { healthEn } from './parts/health';
import { documentsEn } from './parts/documents';
import { backupsEn } from './parts/backups';
import { conflictEn } from './parts/conflict';
import { followupEn } from './parts/followup';
import { arrivalEn } from './parts/arrival';
import { confirmationsEn } from './parts/confirmations';
import { registerEn } from './parts/register';
import { timelineEn } from './parts/timeline';
import { subsidyEn } from './parts/subsidy';
import { agenciesEn, agencyProblemsEn } from './parts/agencies';
import { dashboardEn } from './parts/dashboard';
import { dashboardListsEn } from './parts/dashboard-lists';
import { dashboardChartsEn } from './parts/dashboard-charts';
import { dashboardPrintEn } from './parts/dashboard-print';

/** English: the same keys as zh-CN (`Messages`), assembled from the same parts. */
export const en: Messages = {
  app: appEn,
  common: commonEn,
  home: homeEn,
  workers: workersEn,
  placement: placementEn,
  rosterImport: rosterImportEn,
  enterprises: enterprisesEn,
  openings: openingsEn,
  settings: settingsEn,
  sync: syncEn,
  audit: auditEn,
  problems: { ...problemsEn, ...agencyProblemsEn },
  routes: routesEn,
  batches: batchesEn,
  seating: seatingEn,
  gate: gateEn,
  planning: planningEn,
  health: healthEn,
  documents: documentsEn,
  backups: backupsEn,
  conflict: conflictEn,
  followup: followupEn,
  arrival: arrivalEn,
  confirmations: confirmationsEn,
  register: registerEn,
  timeline: timelineEn,
  subsidy: subsidyEn,
  agencies: agenciesEn,
  dashboard: dashboardEn,
  dashboardLists: dashboardListsEn,
  dashboardCharts: dashboardChartsEn,
  dashboardPrint: dashboardPrintEn,
};
