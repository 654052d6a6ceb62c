/**
 * Characters that no document font can draw print as □ (fonts.ts). A name that does not match
 * the ID card is a problem at the railway gate and the factory gate, so before a document is made
 * the documents panel asks this module who would be printed so, and says it (issue 15): the people
 * (and the places, enterprises and the batch itself) whose printed words hold such characters.
 */
import type { DocumentRequest } from './index';
import type { BatchPapers } from './model';

/** Whose words they are. */
export type UnprintableRole = 'passenger' | 'escort' | 'medic' | 'organizer' | 'enterprise' | 'batch';

/** Which printed words of theirs hold a character no font has. */
export type UnprintableField =
  | 'name'
  | 'address'
  | 'household'
  | 'assembly'
  | 'examiner'
  | 'contact'
  | 'handoverPoint'
  | 'route'
  | 'leg'
  | 'vehicle';

export interface UnprintableEntry {
  role: UnprintableRole;
  /** The person's (or the enterprise's, or the batch's) name as stored. */
  name: string;
  fields: UnprintableField[];
  /** The characters that would print as □, each once, as U+XXXX. */
  characters: string[];
}

/** U+20000 and the like: how a character is named when it cannot be shown. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The characters of `text` that `canDraw` says no to, as U+XXXX, in order, each once. */
export function undrawable(text: string, canDraw: (codePoint: number) => boolean): string[] {
  const found: string[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (canDraw(codePoint)) continue;
    const label = codePointLabel(codePoint);
    if (!found.includes(label)) found.push(label);
  }
  return found;
}

class Findings {
  private readonly entries = new Map<string, UnprintableEntry>();

  constructor(private readonly canDraw: (codePoint: number) => boolean) {}

  check(key: string, role: UnprintableRole, name: string, field: UnprintableField, text: string | undefined): void {
    if (!text) return;
    const characters = undrawable(text, this.canDraw);
    if (characters.length === 0) return;
    const entry = this.entries.get(key) ?? { role, name, fields: [], characters: [] };
    if (!entry.fields.includes(field)) entry.fields.push(field);
    for (const character of characters) if (!entry.characters.includes(character)) entry.characters.push(character);
    this.entries.set(key, entry);
  }

  get list(): UnprintableEntry[] {
    return [...this.entries.values()];
  }
}

/**
 * Who would print with □ on the document `request` asks for (all of the batch's papers when no
 * request is given): passengers first, in the batch's order, then staff, enterprises and the batch.
 */
export function findUnprintable(
  papers: BatchPapers,
  canDraw: (codePoint: number) => boolean,
  request?: DocumentRequest,
): UnprintableEntry[] {
  const findings = new Findings(canDraw);
  const enterpriseId = request?.kind === 'handover' ? request.enterpriseId : undefined;
  const passengers = enterpriseId
    ? papers.passengers.filter((passenger) => passenger.enterpriseId === enterpriseId)
    : papers.passengers;
  for (const passenger of passengers) {
    const key = `passenger:${passenger.workerId}`;
    findings.check(key, 'passenger', passenger.name, 'name', passenger.name);
    findings.check(
      key,
      'passenger',
      passenger.name,
      'address',
      passenger.county + passenger.township + passenger.village,
    );
    findings.check(key, 'passenger', passenger.name, 'household', passenger.household);
    findings.check(key, 'passenger', passenger.name, 'assembly', passenger.assembly?.place);
    findings.check(key, 'passenger', passenger.name, 'examiner', passenger.health?.examiner);
  }
  const staff = [
    ...papers.batch.escorts.map((member) => ({ member, role: 'escort' as const })),
    ...papers.legs.flatMap((leg) =>
      leg.vehicles.flatMap((vehicle) => (vehicle.escort ? [{ member: vehicle.escort, role: 'escort' as const }] : [])),
    ),
    ...papers.batch.medics.map((member) => ({ member, role: 'medic' as const })),
  ];
  for (const { member, role } of staff) findings.check(`staff:${member.id}`, role, member.name, 'name', member.name);
  findings.check('organizer', 'organizer', papers.batch.organizer, 'name', papers.batch.organizer);
  const enterprises = enterpriseId
    ? papers.enterprises.filter((enterprise) => enterprise.id === enterpriseId)
    : papers.enterprises;
  for (const enterprise of enterprises) {
    const key = `enterprise:${enterprise.id}`;
    findings.check(key, 'enterprise', enterprise.name, 'name', enterprise.name);
    findings.check(key, 'enterprise', enterprise.name, 'contact', enterprise.contactName);
    findings.check(key, 'enterprise', enterprise.name, 'handoverPoint', enterprise.handoverPoint);
    findings.check(key, 'enterprise', enterprise.name, 'address', enterprise.address);
  }
  findings.check('batch', 'batch', papers.batch.name, 'name', papers.batch.name);
  findings.check('batch', 'batch', papers.batch.name, 'route', papers.route.name);
  for (const leg of papers.legs) {
    findings.check('batch', 'batch', papers.batch.name, 'leg', leg.from + leg.to);
    for (const vehicle of leg.vehicles) findings.check('batch', 'batch', papers.batch.name, 'vehicle', vehicle.label);
  }
  return findings.list;
}
