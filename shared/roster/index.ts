export type { ColumnMapping, RosterField } from './columns';
export {
  BIRTH_DATE_HEADER,
  GENDER_WORDS,
  HEADER_ALIASES,
  POVERTY_WORDS,
  ROSTER_FIELDS,
  SKILL_SEPARATOR,
  fieldForHeader,
  headerFor,
  normalizeHeader,
  parseGenderCell,
  parsePovertyCell,
  recognizeColumns,
  splitSkillsCell,
} from './columns';

export type { DecodedText, TextEncodingName } from './decode';
export { decodeText } from './decode';

export type { RosterFooterLine, RosterFormat, RosterReadErrorCode, RosterReadOptions, RosterTable } from './read';
export { RosterReadError, numberCellText, readRoster } from './read';

export type { NormalisedField, RosterChange, RosterRowStatus, RosterRowVerdict } from './check';
export { NORMALISED_FIELDS, checkRoster } from './check';

export type { RejectedRow, RosterFile } from './write';
export { csvCellForExcel, rejectedRowsFile, rosterTemplate, workersFile } from './write';
