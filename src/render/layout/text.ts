import { fontMetrics } from './font-metrics.generated.js';

type Table = Map<number, number>;
/** Advances of the first code points (Latin, Greek, Cyrillic) in flat arrays: the hot path of measuring. */
const FLAT = 0x500;
let tables: { regular: Float64Array; bold: Float64Array; rest: { regular: Table; bold: Table } } | undefined;
/** The fallback font's advances, decoded only for text in the scripts it is there for. */
let fallback: Table | undefined;

/** Reads "codepoint:advance" entries in base 36 into `flat` (those below FLAT) and a map (the rest). */
function decode(packed: string, flat?: Float64Array): Table {
  const rest: Table = new Map();
  let code = 0;
  let value = 0;
  let inValue = false;
  // One pass over the characters: splitting and parsing each entry cost a short run a millisecond.
  for (let i = 0; i <= packed.length; i++) {
    const c = i < packed.length ? packed.charCodeAt(i) : 44;
    if (c === 58) {
      inValue = true;
    } else if (c === 44) {
      const width = value / 1000;
      if (flat && code < FLAT) flat[code] = width;
      else rest.set(code, width);
      code = value = 0;
      inValue = false;
    } else {
      const digit = c <= 57 ? c - 48 : c - 87;
      if (inValue) value = value * 36 + digit;
      else code = code * 36 + digit;
    }
  }
  return rest;
}

function load() {
  const regular = new Float64Array(FLAT).fill(-1);
  const bold = new Float64Array(FLAT).fill(-1);
  return { regular, bold, rest: { regular: decode(fontMetrics.regular, regular), bold: decode(fontMetrics.bold, bold) } };
}

/**
 * Advance in ems of a code point the flat tables lack (`measure` looks those up itself), from the rest of
 * the extracted font tables or a per-script estimate.
 */
function advance(cp: number, bold: boolean, rest: { regular: Table; bold: Table }): number {
  const own = (bold ? rest.bold : rest.regular).get(cp);
  if (own !== undefined) return own;
  if (isZeroWidth(cp)) return 0;
  if (isWide(cp)) return 1;
  if (isEmoji(cp)) return 1.275;
  // The fallback table is DejaVu Sans Book; its bold is about a tenth wider.
  fallback ??= decode(fontMetrics.fallback);
  return (fallback.get(cp) ?? 0.6) * (bold ? 1.12 : 1);
}

function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x300 && cp <= 0x36f) || // combining diacritics
    (cp >= 0x64b && cp <= 0x65f) || cp === 0x670 || // Arabic vowel marks
    (cp >= 0x591 && cp <= 0x5c7 && cp !== 0x5be && cp !== 0x5c0 && cp !== 0x5c3 && cp !== 0x5c6) ||
    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x2060
  );
}

/** East Asian wide characters: CJK ideographs, kana, Hangul, full-width forms. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function isEmoji(cp: number): boolean {
  return (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x1f1e6 && cp <= 0x1f1ff);
}

/** Can a line break before this code point even without a space (CJK text has no spaces)? */
function breaksAnywhere(cp: number): boolean {
  return isWide(cp) || isEmoji(cp);
}

/** Width in px of `text` set at `size` px, as Chromium and librsvg lay it out (kerning aside). */
export function measure(text: string, size: number, bold = false): number {
  tables ??= load();
  const flat = bold ? tables.bold : tables.regular;
  let ems = 0;
  let joined = false;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    // Most characters are in the flat table: looked up here, without a call.
    if (cp < FLAT && !joined && flat[cp] >= 0) {
      ems += flat[cp];
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) cp = ((cp - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00) + 0x10000;
    // The second half of an emoji ZWJ sequence draws as part of the first glyph.
    if (joined) { joined = false; continue; }
    if (cp === 0x200d) { joined = true; continue; }
    ems += advance(cp, bold, tables.rest);
  }
  return ems * size;
}

export interface Wrapped {
  lines: string[];
  /** True when text was cut to fit `maxLines` (the last line ends with an ellipsis). */
  truncated: boolean;
}

const ELLIPSIS = '\u2026';

/** Splits text into pieces a line may break after: words with their trailing space, or single wide characters. */
function tokens(text: string): string[] {
  // Most text has no wide characters: split after spaces, hyphens and slashes in one go.
  if (!/[\u1100-\uffff]|[\ud800-\udbff]/.test(text)) return text.split(/(?<=[ /-])/);
  const out: string[] = [];
  let current = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (breaksAnywhere(cp) && cp !== 0x200d) {
      if (current) out.push(current);
      current = ch;
      continue;
    }
    current += ch;
    if (ch === ' ' || ch === '-' || ch === '/') {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * Wraps text into lines no wider than `width` px at `size` px. Words longer than a line are broken
 * between characters; past `maxLines` the last line is cut and ends with an ellipsis.
 */
export function wrap(text: string, width: number, size: number, options: { bold?: boolean; maxLines?: number } = {}): Wrapped {
  const bold = options.bold ?? false;
  const maxLines = options.maxLines ?? Infinity;
  const clean = text.replace(/\s+/g, ' ').trim();
  const lines: string[] = [];
  const space = measure(' ', size, bold);
  const fits = (s: string) => measure(s.trimEnd(), size, bold) <= width;
  // Widths add up token by token (no kerning across tokens), so a line is measured once, not per word.
  let line = '';
  let lineWidth = 0;
  for (const token of tokens(clean)) {
    const trailing = token.endsWith(' ') ? space : 0;
    const tokenWidth = measure(token, size, bold);
    if (lineWidth + tokenWidth - trailing <= width) {
      line += token;
      lineWidth += tokenWidth;
      continue;
    }
    if (line) lines.push(line.trimEnd());
    line = '';
    lineWidth = 0;
    if (tokenWidth - trailing <= width) {
      line = token;
      lineWidth = tokenWidth;
      continue;
    }
    // A word wider than the line: break it between characters.
    for (const ch of token) {
      const w = measure(ch, size, bold);
      if (line && lineWidth + w > width) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      line += ch;
      lineWidth += w;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last && !fits(last + ELLIPSIS)) last = Array.from(last).slice(0, -1).join('');
  kept[maxLines - 1] = last.trimEnd().replace(/[\s,.;:\u2013\u2014-]+$/, '') + ELLIPSIS;
  return { lines: kept, truncated: true };
}
