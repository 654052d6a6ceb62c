/**
 * The follow-up register as an XLSX file, written as a stream (issue 17, item 7). A county's
 * register holds hundreds of thousands of contacts. write-excel-file, which the worker list uses,
 * builds every cell as an object and the whole sheet as one string: it took 96 s and 2.5 GB for
 * 300,000 rows of 23 columns. fflate's streaming deflate, in JavaScript, took about 25 s to
 * compress the sheet alone. Here the sheet's XML is written a slice of rows at a time and
 * compressed by the platform's own zlib (CompressionStream, in Chromium, Electron and Node), so
 * that only the compressed file grows in memory; the ZIP container around it is a few bytes
 * written here. The stream is `gzip`, whose trailer carries the CRC-32 and size a ZIP entry needs,
 * and whose body is the raw deflate data a ZIP entry holds.
 *
 * Texts go to the shared-string table, as Excel writes them: a cell holds the text's number, which
 * makes the sheet's XML (and the time to compress it) less than half of what inline texts make, since
 * townships, villages, dates, outcomes and enterprises repeat. Every text is a string cell: a resident ID
 * never becomes 4.52601E+17, and a text starting with `=` stays text (an XLSX cell is a formula
 * only with an `<f>` element).
 */

/** A cell: text, a number (序号, 月收入), or empty. */
export type RegisterCell = string | number | null;

export interface XlsxSheetOptions {
  /** The sheet's name (at most 31 characters, none of `[]:*?/\`). */
  sheet: string;
  header: readonly string[];
  /** Column widths in Excel's character units. */
  widths: readonly number[];
}

/** Adds rows a slice at a time; `finish` answers the file. */
export interface XlsxStream {
  /** Adds rows (each at most as long as the header); resolves once the slice is compressed. */
  rows: (rows: readonly (readonly RegisterCell[])[]) => Promise<void>;
  finish: () => Promise<Uint8Array>;
  /** Drops what was written (a cancelled export). */
  abort: () => Promise<void>;
}

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The largest part a ZIP without its 64-bit extension holds: 4 GiB less a byte. */
const MAX_PART_SIZE = 0xffffffff;

/** Characters XML 1.0 does not allow, even escaped: they are dropped from a cell. */
// eslint-disable-next-line no-control-regex -- these control characters are what it finds
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_SPECIAL = /[&<>"]/g;
const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// eslint-disable-next-line no-control-regex -- as INVALID_XML
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const EDGE_SPACE = /^\s|\s$/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML, '').replace(XML_SPECIAL, (char) => XML_ENTITIES[char] ?? char);
}

/** A, B, …, Z, AA, …: the letters of a column (0-based). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
  '</Types>';

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>';

const WORKBOOK_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
  '</Relationships>';

/** Style 0: plain; style 1: bold (the header). */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

function workbook(sheet: string): string {
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheets><sheet name="${escapeXml(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
}

function sheetHead(widths: readonly number[]): string {
  const cols = widths.map(
    (width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`,
  );
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    // The header stays in view while scrolling.
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${cols.join('')}</cols><sheetData>`
  );
}

const SHEET_TAIL = '</sheetData></worksheet>';
/** Texts per slice of the shared-string table. */
const SHARED_STRINGS_SLICE = 10_000;

/** One part of the ZIP, compressed. */
interface Part {
  name: Uint8Array;
  crc: number;
  size: number;
  data: Uint8Array[];
  compressedSize: number;
}

/** The gzip header Chromium's and Node's zlib write: 10 bytes, no name, no extra fields. */
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

/** A part compressed as it is written, by the platform's zlib. */
class PartWriter {
  private readonly writer: WritableStreamDefaultWriter<Uint8Array<ArrayBuffer>>;
  private readonly chunks: Uint8Array[] = [];
  private readonly reading: Promise<void>;
  private size = 0;

  constructor(private readonly name: string) {
    const stream = new CompressionStream('gzip');
    this.writer = stream.writable.getWriter();
    const reader = (stream.readable as ReadableStream<Uint8Array>).getReader();
    this.reading = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        this.chunks.push(value);
      }
    })();
  }

  async write(bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    this.size += bytes.length;
    if (this.size > MAX_PART_SIZE) throw new RangeError(`${this.name} is larger than a ZIP part may be`);
    await this.writer.write(bytes);
  }

  async close(): Promise<Part> {
    await this.writer.close();
    await this.reading;
    const gzip = joined(this.chunks);
    this.chunks.length = 0;
    if (gzip[0] !== 0x1f || gzip[1] !== 0x8b || gzip[3] !== 0) throw new Error('unexpected gzip header');
    const trailer = new DataView(gzip.buffer, gzip.byteOffset + gzip.length - GZIP_TRAILER, GZIP_TRAILER);
    const data = gzip.subarray(GZIP_HEADER, gzip.length - GZIP_TRAILER);
    return {
      name: new TextEncoder().encode(this.name),
      crc: trailer.getUint32(0, true),
      size: this.size,
      data: [data],
      compressedSize: data.length,
    };
  }

  async abort(): Promise<void> {
    await this.writer.abort().catch(() => undefined);
    await this.reading.catch(() => undefined);
    this.chunks.length = 0;
  }
}

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function compressedPart(name: string, text: string): Promise<Part> {
  const part = new PartWriter(name);
  await part.write(new TextEncoder().encode(text));
  return part.close();
}

/** 1980-01-01 00:00, the earliest a ZIP entry can say: the parts' own time means nothing here. */
const DOS_DATE = 0x21;
const DEFLATE = 8;
const VERSION = 20;

/** The ZIP file around the parts (APPNOTE 4.3: local headers, data, central directory, end record). */
function zipOf(parts: readonly Part[]): Uint8Array {
  const pieces: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, VERSION, true);
    local.setUint16(8, DEFLATE, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, part.crc, true);
    local.setUint32(18, part.compressedSize, true);
    local.setUint32(22, part.size, true);
    local.setUint16(26, part.name.length, true);
    pieces.push(new Uint8Array(local.buffer), part.name, ...part.data);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, VERSION, true);
    entry.setUint16(6, VERSION, true);
    entry.setUint16(10, DEFLATE, true);
    entry.setUint16(14, DOS_DATE, true);
    entry.setUint32(16, part.crc, true);
    entry.setUint32(20, part.compressedSize, true);
    entry.setUint32(24, part.size, true);
    entry.setUint16(28, part.name.length, true);
    entry.setUint32(42, offset, true);
    central.push(new Uint8Array(entry.buffer), part.name);
    offset += 30 + part.name.length + part.compressedSize;
    if (offset > MAX_PART_SIZE) throw new RangeError('the file is larger than a ZIP may be');
  }
  const centralSize = central.reduce((sum, piece) => sum + piece.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return joined([...pieces, ...central, new Uint8Array(end.buffer)]);
}

/**
 * Starts an XLSX file of one sheet with a bold, frozen header row. Rows are added in slices and
 * compressed as they come; nothing of a slice is kept once it is added.
 */
export function xlsxStream({ sheet, header, widths }: XlsxSheetOptions): XlsxStream {
  const sheetPart = new PartWriter('xl/worksheets/sheet1.xml');
  const letters = header.map((_, index) => columnLetters(index));
  const encoder = new TextEncoder();
  let rowNumber = 0;

  /** Each text's number in the shared-string table, in the order first met. */
  const numbers = new Map<string, number>();
  const texts: string[] = [];
  const textNumber = (text: string): number => {
    let number = numbers.get(text);
    if (number === undefined) {
      number = texts.length;
      numbers.set(text, number);
      texts.push(text);
    }
    return number;
  };
  let cellCount = 0;

  const rowXml = (cells: readonly RegisterCell[], style: string): string => {
    rowNumber += 1;
    let xml = `<row r="${rowNumber}">`;
    for (let index = 0; index < cells.length; index += 1) {
      const cell = cells[index];
      if (cell === null || cell === undefined || cell === '') continue;
      const ref = `${letters[index] ?? columnLetters(index)}${rowNumber}`;
      if (typeof cell === 'number') {
        xml += `<c r="${ref}"${style}><v>${cell}</v></c>`;
      } else {
        cellCount += 1;
        xml += `<c r="${ref}"${style} t="s"><v>${textNumber(cell)}</v></c>`;
      }
    }
    return `${xml}</row>`;
  };

  /** The shared-string table, written in slices as the sheet is. */
  const sharedStrings = async (): Promise<Part> => {
    const part = new PartWriter('xl/sharedStrings.xml');
    await part.write(
      encoder.encode(`${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${cellCount}" uniqueCount="${texts.length}">`),
    );
    for (let start = 0; start < texts.length; start += SHARED_STRINGS_SLICE) {
      let xml = '';
      for (const text of texts.slice(start, start + SHARED_STRINGS_SLICE)) {
        const space = EDGE_SPACE.test(text) ? ' xml:space="preserve"' : '';
        xml += `<si><t${space}>${escapeXml(text)}</t></si>`;
      }
      await part.write(encoder.encode(xml));
    }
    await part.write(encoder.encode('</sst>'));
    return part.close();
  };

  let pending = sheetPart.write(encoder.encode(sheetHead(widths) + rowXml(header, ' s="1"')));
  return {
    rows: async (rows) => {
      let xml = '';
      for (const row of rows) xml += rowXml(row, '');
      // The slice before is compressed meanwhile (Node's zlib works on its own thread): one at a time.
      await pending;
      pending = sheetPart.write(encoder.encode(xml));
    },
    finish: async () => {
      await pending;
      await sheetPart.write(encoder.encode(SHEET_TAIL));
      const parts = await Promise.all([
        compressedPart('[Content_Types].xml', CONTENT_TYPES),
        compressedPart('_rels/.rels', ROOT_RELS),
        compressedPart('xl/workbook.xml', workbook(sheet)),
        compressedPart('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
        compressedPart('xl/styles.xml', STYLES),
        sheetPart.close(),
        sharedStrings(),
      ]);
      numbers.clear();
      texts.length = 0;
      return zipOf(parts);
    },
    abort: () => sheetPart.abort(),
  };
}
