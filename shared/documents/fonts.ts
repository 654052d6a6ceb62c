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
 *
 * Noto Sans SC covers GB 18030-2022 implementation level 2, but a name may hold a rarer character
 * (CJK Extension B and later). Fallback fonts (Noto Sans TC, regular weight only) draw those: the
 * character gets a stand-in that Noto Sans SC measures as one ideograph wide (so that wrapping and
 * table widths stay right) and that the fallback font maps to the real glyph; this module wraps the
 * document's `text` so that every line holding such a stand-in is drawn in runs, each run in its own
 * font (see docs/architecture.md#documents). `canDraw` tells, before printing, what no font has.
 */
import { jsPDF } from 'jspdf';

export const FONT_FAMILY = 'NotoSansSC';

/** The family the fallback fonts are registered under, numbered in their order (`PlannerFallback1`, …). */
export const FALLBACK_FAMILY = 'PlannerFallback';

/**
 * The two TrueType files as they come from `@expo-google-fonts/noto-sans-sc`, and the fallback
 * fonts (regular weight, tried in order) for characters that Noto Sans SC lacks.
 */
export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
  fallbacks?: readonly Uint8Array[];
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

interface FallbackFace extends FontFace {
  /** The name documents register it under (unique to this set of fonts), in the family `PlannerFallback<n>`. */
  name: string;
  family: string;
}

/** Both styles, parsed once and reused by every document. */
export interface DocumentFonts {
  regular: FontFace;
  bold: FontFace;
  /** The names under which documents register the two styles (unique to this set of fonts). */
  names: { normal: string; bold: string };
  /** Stand-ins given so far: the same in every document, since the parsed fonts are shared. */
  standIns: Map<number, number>;
  /** Fonts for what Noto Sans SC lacks, tried in order. */
  fallbacks: readonly FallbackFace[];
  /** Stand-ins given so far for characters a fallback font draws: character → stand-in and font. */
  fallbackStandIns: Map<number, { standIn: number; face: number }>;
  /** The fallback font of each such stand-in, by stand-in. */
  fallbackOf: Map<number, number>;
}

/** What prints in place of a character that the font cannot draw. */
export const MISSING_GLYPH_STAND_IN = '□';

/** Stand-ins for Noto Sans SC's own supplementary characters. */
const PRIVATE_USE_FIRST = 0xe000;
const PRIVATE_USE_LAST = 0xefff;
/** Stand-ins for characters that a fallback font draws. */
const FALLBACK_STAND_IN_FIRST = 0xf000;
const FALLBACK_STAND_IN_LAST = 0xf8ff;
/** The character whose width a fallback character is measured with: the ideographic space, one em. */
const IDEOGRAPHIC_SPACE = 0x3000;

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
  const fallbacks = (files.fallbacks ?? []).map((bytes, index): FallbackFace => ({
    parsed: parse(bytes),
    supplementary: supplementaryGlyphs(bytes),
    name: `PlannerFallback${String(index + 1)}-${String(loads)}`,
    family: `${FALLBACK_FAMILY}${String(index + 1)}`,
  }));
  const fonts: DocumentFonts = {
    regular: { parsed: parse(files.regular), supplementary: supplementaryGlyphs(files.regular) },
    bold: { parsed: parse(files.bold), supplementary: supplementaryGlyphs(files.bold) },
    names,
    standIns: new Map(),
    fallbacks,
    fallbackStandIns: new Map(),
    fallbackOf: new Map(),
  };
  parsedByName.set(names.normal, fonts.regular.parsed);
  parsedByName.set(names.bold, fonts.bold.parsed);
  for (const face of fallbacks) parsedByName.set(face.name, face.parsed);
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

/** Whether a code point is one this module hands out as a stand-in (and so never prints as itself). */
function isPrivateUse(codePoint: number): boolean {
  return codePoint >= PRIVATE_USE_FIRST && codePoint <= FALLBACK_STAND_IN_LAST;
}

/** The glyph a face has for a character, from its format-4 map (BMP) or its format-12 map (beyond). */
function glyphOf(face: FontFace, codePoint: number): number | undefined {
  if (codePoint > 0xffff) return face.supplementary.get(codePoint);
  if (isPrivateUse(codePoint)) return undefined;
  const glyph = codeMap(face.parsed)[codePoint];
  return glyph ? glyph : undefined;
}

/** Which font prints a character: Noto Sans SC (both styles), a fallback font, or none (it prints as □). */
function sourceOf(fonts: DocumentFonts, codePoint: number): 'main' | number | null {
  if (glyphOf(fonts.regular, codePoint) !== undefined && glyphOf(fonts.bold, codePoint) !== undefined) return 'main';
  const face = fonts.fallbacks.findIndex((fallback) => glyphOf(fallback, codePoint) !== undefined);
  return face >= 0 ? face : null;
}

/**
 * Whether some document font can draw a character (line breaks count as drawable: they are never
 * printed as glyphs). What it says no to prints as □.
 */
export function canDraw(fonts: DocumentFonts, codePoint: number): boolean {
  return codePoint === 0x0a || codePoint === 0x0d || sourceOf(fonts, codePoint) !== null;
}

/** jsPDF's `text` as the documents call it (jspdf-autotable included). */
type TextMethod = (text: string | string[], x: number, y: number, options?: TextOptions, transform?: unknown) => jsPDF;

interface TextOptions {
  align?: 'left' | 'center' | 'right' | 'justify';
  maxWidth?: number;
  angle?: number;
  lineHeightFactor?: number;
  [option: string]: unknown;
}

/** Any stand-in of a character that a fallback font draws (such text needs `text` drawn run by run). */
export const FALLBACK_STAND_INS = /[\uf000-\uf8ff]/;

/**
 * One document's fonts: registers both styles (and the fallback fonts) and turns any text into
 * what jsPDF can print. Use `printable()` on every string before it reaches jsPDF or
 * jspdf-autotable; the document's `text` then draws fallback characters in their own font.
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
    for (const face of fonts.fallbacks) doc.addFont(face.name, face.family, 'normal');
    doc.setFont(FONT_FAMILY, 'normal');
    // jspdf-autotable asks for the font list for every cell; it cannot change once every font is in.
    const fontList = doc.getFontList();
    doc.getFontList = () => fontList;
    this.registered(FONT_FAMILY, 'normal');
    this.registered(FONT_FAMILY, 'bold');
    for (const face of fonts.fallbacks) this.registered(face.family, 'normal');
    this.bmp = codeMap(fonts.regular.parsed);
    if (fonts.fallbacks.length > 0) this.drawFallbackRuns();
  }

  /** Checks that a style came in with its parsed font, and clears the mark the hook set. */
  private registered(family: string, style: 'normal' | 'bold'): void {
    const fontList = this.doc.getFontList();
    if (!(fontList[family] ?? []).includes(style)) throw new Error(`font ${family} ${style} was not registered`);
    const previous = this.doc.getFont();
    this.doc.setFont(family, style);
    const font = (this.doc.internal as unknown as { getFont: () => RegisteredFont }).getFont();
    this.doc.setFont(previous.fontName, previous.fontStyle);
    if (!font.metadata) throw new Error(`font ${family} ${style} has no parsed TrueType data`);
    font.isStandardFont = false;
  }

  private standIn(codePoint: number): number | null {
    const { standIns, regular, bold } = this.fonts;
    const known = standIns.get(codePoint);
    if (known !== undefined) return known;
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

  /**
   * The stand-in of a character that fallback font `faceIndex` draws: Noto Sans SC measures it as
   * an ideographic space in both styles, the fallback font maps it to the real glyph and reads it
   * back as the real character.
   */
  private fallbackStandIn(codePoint: number, faceIndex: number): number | null {
    const { fallbackStandIns, fallbackOf, fallbacks, regular, bold } = this.fonts;
    const known = fallbackStandIns.get(codePoint);
    if (known !== undefined) return known.standIn;
    const face = fallbacks[faceIndex];
    const glyph = face ? glyphOf(face, codePoint) : undefined;
    if (!face || glyph === undefined) return null;
    const standIn = FALLBACK_STAND_IN_FIRST + fallbackStandIns.size;
    if (standIn > FALLBACK_STAND_IN_LAST) return null;
    for (const main of [regular, bold]) {
      const map = codeMap(main.parsed);
      map[standIn] = map[IDEOGRAPHIC_SPACE];
    }
    codeMap(face.parsed)[standIn] = glyph;
    face.parsed.plannerStandIns ??= new Map();
    face.parsed.plannerStandIns.set(standIn, codePoint);
    fallbackStandIns.set(codePoint, { standIn, face: faceIndex });
    fallbackOf.set(standIn, faceIndex);
    return standIn;
  }

  /** The text as jsPDF can print it: stand-ins for supplementary and fallback characters, □ for what no font has. */
  printable(text: string): string {
    const cached = this.printableCache.get(text);
    if (cached !== undefined) return cached;
    let result = '';
    for (const character of text) {
      const codePoint = character.codePointAt(0) ?? 0;
      if (character === '\n') {
        result += character;
        continue;
      }
      const source = sourceOf(this.fonts, codePoint);
      let printed: string | null = null;
      if (source === 'main') {
        const standIn = codePoint <= 0xffff ? codePoint : this.standIn(codePoint);
        printed = standIn === null ? null : String.fromCharCode(standIn);
      } else if (source !== null) {
        const standIn = this.fallbackStandIn(codePoint, source);
        printed = standIn === null ? null : String.fromCharCode(standIn);
      }
      result += printed ?? MISSING_GLYPH_STAND_IN;
    }
    if (this.printableCache.size < 50_000) this.printableCache.set(text, result);
    return result;
  }

  /**
   * Wraps the document's `text` so that a line holding fallback stand-ins is drawn run by run, each
   * run in its font, from where the whole line would start (its width is the same either way).
   * Lines without any are drawn as before, in one call.
   */
  private drawFallbackRuns(): void {
    const doc = this.doc;
    const original = doc.text.bind(doc) as TextMethod;
    const fallbackOf = this.fonts.fallbackOf;
    const families = this.fonts.fallbacks.map((face) => face.family);
    const text: TextMethod = (value, x, y, options, transform) => {
      const lines = typeof value === 'string' ? value.split(/\r\n|\r|\n/) : value;
      if (
        !lines.some((line) => FALLBACK_STAND_INS.test(line)) ||
        options?.angle !== undefined ||
        options?.maxWidth !== undefined ||
        transform !== undefined
      ) {
        return original(value, x, y, options, transform);
      }
      const leading =
        (doc.getFontSize() * (options?.lineHeightFactor ?? doc.getLineHeightFactor())) / doc.internal.scaleFactor;
      const font = doc.getFont();
      lines.forEach((line, index) => {
        const lineY = y + index * leading;
        const width = doc.getTextWidth(line);
        let runX = options?.align === 'right' ? x - width : options?.align === 'center' ? x - width / 2 : x;
        for (const run of fontRuns(line, (unit) => fallbackOf.get(unit))) {
          const runWidth = doc.getTextWidth(run.text);
          if (run.face === undefined) {
            original(run.text, runX, lineY, { ...options, align: 'left' });
          } else {
            doc.setFont(families[run.face] ?? font.fontName, 'normal');
            original(run.text, runX, lineY, { ...options, align: 'left' });
            doc.setFont(font.fontName, font.fontStyle);
          }
          runX += runWidth;
        }
      });
      return doc;
    };
    doc.text = text as typeof doc.text;
  }
}

/** A line cut into runs of one font each: `face` is the fallback font's index, or undefined for Noto Sans SC. */
export function fontRuns(
  line: string,
  faceOf: (unit: number) => number | undefined,
): { text: string; face?: number }[] {
  const runs: { text: string; face?: number }[] = [];
  for (let index = 0; index < line.length; index += 1) {
    const face = faceOf(line.charCodeAt(index));
    const unit = line.charAt(index);
    const last = runs.at(-1);
    if (last && last.face === face) last.text += unit;
    else runs.push(face === undefined ? { text: unit } : { text: unit, face });
  }
  return runs;
}

function codeMap(parsed: ParsedFont): Record<number, number | undefined> {
  const unicode = parsed.cmap.unicode;
  if (!unicode) throw new Error('the document font has no Unicode character map');
  return unicode.codeMap;
}
