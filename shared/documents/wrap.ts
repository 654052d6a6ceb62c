/**
 * Line breaking for table cells and paragraphs. Break opportunities come from the Unicode line
 * breaking algorithm (UAX #14, via css-line-break, strict mode): between any two Chinese
 * characters, never inside a Latin word or a number, and never before closing punctuation
 * (，。、；：？！）」 and the like), which UAX #14 glues to the text before it. Lines are then
 * filled greedily. A piece wider than the whole line (a long code or number) is cut between
 * characters, and even then a closing mark stays on the line before.
 */
import { LineBreaker } from 'css-line-break';

/** Characters that must not start a line (the list, plus their ASCII and quote cousins). */
const NO_LINE_START = new Set(Array.from('，。、；：？！）」』》〉】〕”’,.;:?!)]}%'));

export type MeasureText = (text: string) => number;

function breakPieces(text: string): string[] {
  const pieces: string[] = [];
  const breaker = LineBreaker(text, { lineBreak: 'strict', wordBreak: 'normal' });
  for (let next = breaker.next(); !next.done; next = breaker.next()) pieces.push(next.value.slice());
  return pieces;
}

/** Cuts one too-wide piece between characters, keeping closing marks with the character before. */
function cutPiece(piece: string, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const character of piece) {
    if (line !== '' && measure(line + character) > maxWidth && !NO_LINE_START.has(character)) {
      lines.push(line);
      line = character;
    } else {
      line += character;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function wrapParagraph(paragraph: string, maxWidth: number, measure: MeasureText): string[] {
  if (measure(paragraph) <= maxWidth) return [paragraph];
  const lines: string[] = [];
  let line = '';
  for (const piece of breakPieces(paragraph)) {
    const candidate = line + piece;
    if (measure(candidate.trimEnd()) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    if (measure(piece.trimEnd()) <= maxWidth) {
      line = piece;
      continue;
    }
    const cut = cutPiece(piece.trimEnd(), maxWidth, measure);
    lines.push(...cut.slice(0, -1));
    line = cut.at(-1) ?? '';
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/**
 * The lines of `text` within `maxWidth` (in the units `measure` returns). Newlines in the text
 * start new lines; an empty text is one empty line.
 */
export function wrapText(text: string, maxWidth: number, measure: MeasureText): string[] {
  return text.split(/\r?\n/).flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, measure));
}

/** Whether a line starts with a character that must stay with the line before (for tests and checks). */
export function startsWithClosingPunctuation(line: string): boolean {
  const first = Array.from(line)[0];
  return first !== undefined && NO_LINE_START.has(first);
}
