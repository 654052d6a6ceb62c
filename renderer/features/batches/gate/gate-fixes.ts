/**
 * Where each gate problem is fixed (issue 15, item 9): a passenger without an enterprise on the
 * passengers tab filtered to them, missing health checks at the batch's health station, seats short
 * on the vehicles tab, and so on. Pure, so that a test checks every reason code has its place.
 */
import type { GateReason, GateReasonCode } from '@shared/gate';
import { batchFormPath, batchTabPath } from '../batch-links';

/** What a fix link says; each is a text under `gate.fix.`. */
export type GateFix =
  | 'batch-form'
  | 'route'
  | 'passengers'
  | 'passengers-without-enterprise'
  | 'vehicles'
  | 'seats'
  | 'health-station'
  | 'enterprise'
  | 'enterprises';

export interface GateFixLink {
  fix: GateFix;
  /** The app's address of the place. */
  to: string;
}

/** The batch a link leaves from. */
export interface FixTarget {
  batchId: string;
  routeId: string;
}

/** Where a reason is fixed; null for a ticked item's own reasons (its tick button is beside it). */
const FIXES: Readonly<Record<GateReasonCode, GateFix | null>> = {
  'organizer-missing': 'batch-form',
  'no-passengers': 'passengers',
  'vehicles-without-escort': 'vehicles',
  'escort-on-two-vehicles': 'vehicles',
  'no-checks-yet': 'health-station',
  'health-checks-missing': 'health-station',
  'health-checks-failed': 'health-station',
  'health-checks-recheck': 'health-station',
  'health-checks-expired': 'health-station',
  'health-checks-after-departure': 'health-station',
  'no-legs': 'route',
  'legs-without-vehicles': 'vehicles',
  'seats-short': 'vehicles',
  'passengers-not-seated': 'seats',
  'passengers-without-enterprise': 'passengers-without-enterprise',
  'enterprises-without-handover-contact': 'enterprise',
  'vehicles-without-isolation-seat': 'vehicles',
  'not-ticked': null,
  'note-required': null,
  'roster-changed-after-tick': 'passengers',
  // Recorded on the batch's own page, in its "Arrival and handover" section.
  'due-after-departure': null,
  'legs-not-arrived': null,
  'enterprises-not-handed-over': null,
};

/** The link to where `reason` is fixed, or null when it is fixed right there (by ticking). */
export function fixLink(reason: GateReason, target: FixTarget): GateFixLink | null {
  const fix = FIXES[reason.code];
  const { batchId, routeId } = target;
  switch (fix) {
    case null:
      return null;
    case 'batch-form':
      return { fix, to: batchFormPath(batchId) };
    case 'route':
      return routeId ? { fix, to: `/routes/${routeId}` } : { fix: 'batch-form', to: batchFormPath(batchId) };
    case 'passengers':
    case 'vehicles':
    case 'seats':
      return { fix, to: batchTabPath(batchId, fix) };
    case 'passengers-without-enterprise':
      return { fix, to: batchTabPath(batchId, 'passengers', 'no-enterprise') };
    case 'health-station':
      return { fix, to: `/batches/${batchId}/health` };
    case 'enterprise':
    case 'enterprises': {
      const ids = reason.params.enterpriseIds;
      const only = typeof ids === 'object' && ids.length === 1 ? ids[0] : undefined;
      return only ? { fix: 'enterprise', to: `/enterprises/${only}` } : { fix: 'enterprises', to: '/enterprises' };
    }
  }
}

/** The fix links of an item's reasons, each place once, in the order of the reasons. */
export function fixLinks(reasons: readonly GateReason[], target: FixTarget): GateFixLink[] {
  const links: GateFixLink[] = [];
  for (const reason of reasons) {
    const link = fixLink(reason, target);
    if (link && !links.some((known) => known.to === link.to)) links.push(link);
  }
  return links;
}
