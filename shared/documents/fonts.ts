/**
 * The document font: Noto Sans SC regular and bold, read and parsed once per app start and
 * registered on every PDF that a builder makes.
 *
 * jsPDF parses a TrueType file again for every document it is added to (about 90 ms for the two
 * styles here). So the files are parsed once, when they are loaded, and each document gets a
 * light copy of the parsed font that shares its tables and keeps its own record of the glyphs it
 * used (a hook on jsPDF's "addFont" event hands the copy over before jsPDF would read the file).
 *
 * jsPDF reads a TrueType font's format-4 character map only, and walks text by UTF-16 code units:
 * a character outside the Basic Multilingual Plane (CJK Extension B and later, written as a
 * surrogate pair, see docs/domain.md#resident-ids) finds no glyph, and jsPDF then silently drops the rest of the
 * string. So this module
 * - looks such characters up in the font's format-12 map itself,
 * - gives each one a stand-in code point from the Private Use Area for jsPDF to lay out and draw
 *   (with the right glyph and width, in both styles; the same stand-in in every document),
 * - and rewrites the PDF's ToUnicode map as jsPDF writes it, so that the stand-in reads back,
 *   copies and searches as the real character.
 * A character the font has no glyph for at all prints as □ instead of cutting the text short.
 */
import { jsPDF } from 'jspdf';

export const FONT_FAMILY = 'NotoSansSC';

/** The two TrueType files as they come from `@expo-google-fonts/noto-sans-sc`. */
export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** The parts of jsPDF's parsed TrueType font (its `TTFFont`) that this module reads or sets. */
interface ParsedFont {
  cmap: { unicode: { codeMap: Record<number, number | undefined> } | null };
  subset: { constructor: new (font: ParsedFont) => unknown };
  plannerStandIns?: Map<number, number>;
}

interface FontFace {
  /** The file as jsPDF parsed it, once: each document gets a copy that shares its tables. */
  parsed: ParsedFont;
  /** Code points above U+FFFF that the font has a glyph for, with the glyph. */
  supplementary: ReadonlyMap<number, number>;
}

/** Both styles, parsed once and reused by every document. */
export interface DocumentFonts {
  regular: FontFace;
  bold: FontFace;
  /** The names under which documents register the two styles (unique to this set of fonts). */
  names: { normal: string; bold: string };
  /** Stand-ins given so far: the same in every document, since the parsed fonts are shared. */
  standIns: Map<number, number>;
}

/** What prints in place of a character that the font cannot draw. */
export const MISSING_GLYPH_STAND_IN = '□';

const PRIVATE_USE_FIRST = 0xe000;
const PRIVATE_USE_LAST = 0xf8ff;

/**
 * The glyphs of code points above U+FFFF, from the font's format-12 character map (the segmented
 * coverage table of the OpenType specification, 'cmap' subtable format 12).
 */
export function supplementaryGlyphs(bytes: Uint8Array): Map<number, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const glyphs = new Map<number, number>();
  const tableCount = view.getUint16(4);
  let cmapOffset = -1;
  for (let index = 0; index < tableCount; index += 1) {
    const record = 12 + index * 16;
    const tag = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    if (tag === 'cmap') cmapOffset = view.getUint32(record + 8);
  }
  if (cmapOffset < 0) return glyphs;
  const subtableCount = view.getUint16(cmapOffset + 2);
  for (let index = 0; index < subtableCount; index += 1) {
    const record = cmapOffset + 4 + index * 8;
    const subtable = cmapOffset + view.getUint32(record + 4);
    if (view.getUint16(subtable) !== 12) continue;
    const groupCount = view.getUint32(subtable + 12);
    for (let group = 0; group < groupCount; group += 1) {
      const at = subtable + 16 + group * 12;
      const first = view.getUint32(at);
      const last = view.getUint32(at + 4);
      const firstGlyph = view.getUint32(at + 8);
      for (let code = Math.max(first, 0x10000); code <= last; code += 1) {
        glyphs.set(code, firstGlyph + (code - first));
      }
    }
    break;
  }
  return glyphs;
}

/** Parsed fonts by the name documents register them under, for the "addFont" hook below. */
const parsedByName = new Map<string, ParsedFont>();
let loads = 0;

function parse(bytes: Uint8Array): ParsedFont {
  const api = jsPDF.API as unknown as { TTFFont: { open: (file: Uint8Array) => ParsedFont } };
  return api.TTFFont.open(bytes);
}

/** Parses the font files once; call at most once per app start and keep the result. */
export function loadDocumentFonts(files: FontFiles): DocumentFonts {
  loads += 1;
  const names = { normal: `NotoSansSC-Regular-${String(loads)}`, bold: `NotoSansSC-Bold-${String(loads)}` };
  const fonts: DocumentFonts = {
    regular: { parsed: parse(files.regular), supplementary: supplementaryGlyphs(files.regular) },
    bold: { parsed: parse(files.bold), supplementary: supplementaryGlyphs(files.bold) },
    names,
    standIns: new Map(),
  };
  parsedByName.set(names.normal, fonts.regular.parsed);
  parsedByName.set(names.bold, fonts.bold.parsed);
  return fonts;
}

interface AddFontEvent {
  font: { postScriptName: string; isStandardFont: boolean; metadata?: unknown };
}

/**
 * Hands a document its own copy of a font parsed at load time: the tables are shared (read only,
 * or caches), what jsPDF records per document (glyphs used, widths, the ToUnicode map, the subset)
 * is its own. Marking the font as a standard one for the moment makes jsPDF's own handler, which
 * would read and parse the file, leave it alone; the typeface clears the mark at once.
 */
function shareParsedFont(event: AddFontEvent): void {
  const parsed = parsedByName.get(event.font.postScriptName);
  if (!parsed) return;
  const copy = Object.create(parsed) as ParsedFont & Record<string, unknown>;
  // jsPDF asks hasOwnProperty('cmap') before it looks a character up: the shared map, as its own.
  copy.cmap = parsed.cmap;
  copy.Unicode = { encoding: {}, kerning: {}, widths: [] };
  copy.glyIdsUsed = [0];
  copy.toUnicode = {};
  copy.subset = new parsed.subset.constructor(copy) as ParsedFont['subset'];
  event.font.metadata = copy;
  event.font.isStandardFont = true;
}

interface RegisteredFont {
  isStandardFont: boolean;
  metadata?: ParsedFont;
}

interface PutFontEvent {
  font: RegisteredFont;
  putStream: (options: { data: string } & Record<string, unknown>) => void;
}

const TO_UNICODE_ENTRY = /<([0-9a-f]{4})><([0-9a-f]{4})>/g;

function utf16Hex(codePoint: number): string {
  const text = String.fromCodePoint(codePoint);
  let hex = '';
  for (let unit = 0; unit < text.length; unit += 1) hex += text.charCodeAt(unit).toString(16).padStart(4, '0');
  return hex;
}

/**
 * Runs before jsPDF writes a font: where the font carries stand-ins, the ToUnicode map that jsPDF
 * is about to write maps each stand-in back to its real character (UTF-16, surrogate pair).
 */
function restoreStandInsInToUnicode(event: PutFontEvent): void {
  const standIns = event.font.metadata?.plannerStandIns;
  if (!standIns || standIns.size === 0) return;
  const putStream = event.putStream;
  event.putStream = (options) => {
    const data = options.data.includes('beginbfchar')
      ? options.data.replace(TO_UNICODE_ENTRY, (entry, glyph: string, code: string) => {
          const real = standIns.get(parseInt(code, 16));
          return real === undefined ? entry : `<${glyph}><${utf16Hex(real)}>`;
        })
      : options.data;
    putStream({ ...options, data });
  };
}

// A jsPDF document subscribes to the plugin events when it is made, so the hooks are in place from
// the moment this module loads. A document subscribes them last to first: pushed last, the hooks
// run first: before jsPDF's Identity-H writer uses the stream writer, and before jsPDF's TrueType
// handler would parse the file.
(jsPDF.API.events as unknown[]).push(['putFont', restoreStandInsInToUnicode], ['addFont', shareParsedFont]);

// jsPDF reshapes every string for Arabic script before drawing it; the documents print Chinese and
// Latin text only (minority names are written in Chinese characters), and the reshaping cost an
// eighth of a manifest's build time, so documents made from now on skip it.
const events = jsPDF.API.events as [string, unknown][];
const arabicShaping = events.findIndex(
  ([name, handler]) =>
    name === 'preProcessText' && handler === (jsPDF.API as { processArabic?: unknown }).processArabic,
);
if (arabicShaping >= 0) events.splice(arabicShaping, 1);

/**
 * One document's fonts: registers both styles and turns any text into what jsPDF can print.
 * Use `printable()` on every string before it reaches jsPDF or jspdf-autotable.
 */
export class DocumentTypeface {
  private readonly bmp: Record<number, number | undefined>;
  private readonly printableCache = new Map<string, string>();

  constructor(
    readonly doc: jsPDF,
    private readonly fonts: DocumentFonts,
  ) {
    doc.addFont(fonts.names.normal, FONT_FAMILY, 'normal');
    doc.addFont(fonts.names.bold, FONT_FAMILY, 'bold');
    doc.setFont(FONT_FAMILY, 'normal');
    // jspdf-autotable asks for the font list for every cell; it cannot change once both styles are in.
    const fontList = doc.getFontList();
    doc.getFontList = () => fontList;
    this.registered('normal');
    this.registered('bold');
    this.bmp = codeMap(fonts.regular.parsed);
  }

  /** Checks that a style came in with its parsed font, and clears the mark the hook set. */
  private registered(style: 'normal' | 'bold'): void {
    const fontList = this.doc.getFontList();
    if (!(fontList[FONT_FAMILY] ?? []).includes(style)) throw new Error(`font style ${style} was not registered`);
    const previous = this.doc.getFont();
    this.doc.setFont(FONT_FAMILY, style);
    const font = (this.doc.internal as unknown as { getFont: () => RegisteredFont }).getFont();
    this.doc.setFont(previous.fontName, previous.fontStyle);
    if (!font.metadata) throw new Error(`font style ${style} has no parsed TrueType data`);
    font.isStandardFont = false;
  }

  private standIn(codePoint: number): number | null {
    const { standIns, regular, bold } = this.fonts;
    const known = standIns.get(codePoint);
    if (known !== undefined) return known;
    if (!regular.supplementary.has(codePoint) || !bold.supplementary.has(codePoint)) return null;
    let standIn = PRIVATE_USE_FIRST + standIns.size;
    while (this.bmp[standIn] !== undefined) standIn += 1;
    if (standIn > PRIVATE_USE_LAST) return null;
    for (const face of [regular, bold]) {
      codeMap(face.parsed)[standIn] = face.supplementary.get(codePoint);
      face.parsed.plannerStandIns ??= new Map();
      face.parsed.plannerStandIns.set(standIn, codePoint);
    }
    standIns.set(codePoint, standIn);
    return standIn;
  }

  /** The text as jsPDF can print it: stand-ins for supplementary characters, □ for what the font lacks. */
  printable(text: string): string {
    const cached = this.printableCache.get(text);
    if (cached !== undefined) return cached;
    let result = '';
    for (const character of text) {
      const codePoint = character.codePointAt(0) ?? 0;
      if (character === '\n') {
        result += character;
      } else if (codePoint <= 0xffff) {
        result += this.bmp[codePoint] ? character : MISSING_GLYPH_STAND_IN;
      } else {
        const standIn = this.standIn(codePoint);
        result += standIn === null ? MISSING_GLYPH_STAND_IN : String.fromCharCode(standIn);
      }
    }
    if (this.printableCache.size < 50_000) this.printableCache.set(text, result);
    return result;
  }
}

function codeMap(parsed: ParsedFont): Record<number, number | undefined> {
  const unicode = parsed.cmap.unicode;
  if (!unicode) throw new Error('the document font has no Unicode character map');
  return unicode.codeMap;
}
