import { parse as parseYaml } from 'yaml';

/**
 * Mermaid's reading of a `journey` diagram, ported from Mermaid 11.17 (the version bench/ renders with):
 * the text is preprocessed as mermaid's `preprocessDiagram` does (frontmatter, `%%{…}%%` directives and
 * `%%` comment lines taken out, `#code;` entity codes kept as text), then cut into tokens by the rules of
 * `user-journey/parser/journey.jison`, tried in order with the first match winning, case-insensitively.
 * What is taken out is blanked, not removed, so every token keeps its line and column in the file.
 */

export type TokenKind = 'journey' | 'title' | 'accTitle' | 'accDescr' | 'section' | 'taskName' | 'taskData' | 'colon' | 'invalid' | 'comment';

export interface Token {
  kind: TokenKind;
  /** The token's text, with entity codes decoded; for accTitle and accDescr, the value. */
  text: string;
  line: number;
  column: number;
}

export interface Frontmatter {
  title?: string;
  config?: Record<string, unknown>;
}

export interface Lexed {
  /** Whether Mermaid would take the text for a journey diagram at all (its detector). */
  isJourney: boolean;
  frontmatter?: Frontmatter;
  /** A frontmatter that is not YAML: Mermaid refuses the diagram. */
  frontmatterError?: { line: number; message: string };
  /** Line of each `%%{…}%%` directive (Mermaid configuration). */
  directives: number[];
  /** Whole-line `%%` comments, which Mermaid drops before reading: text after `%%`, by line. */
  comments: { line: number; text: string }[];
  tokens: Token[];
  /** An `accDescr {` never closed: Mermaid refuses the diagram. */
  unclosed?: { line: number; column: number };
}

// mermaid/src/diagram-api/regexes.ts
const frontMatterRegex = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
const directiveRegex = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
// mermaid/src/diagram-api/comments.ts
const commentLine = /^\s*%%(?!{)[^\n]+\n?/gm;

/** Characters Mermaid puts in place of `#code;` entity codes while it reads, so `#` and `;` stay text. */
const ENTITY_OPEN = '\uFB02\u00B0';
const ENTITY_CLOSE = '\u00B6\u00DF';
const ENTITY_PLACEHOLDER = /\uFB02\u00B0(\u00B0?)(\w+)\u00B6\u00DF/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** The lexer rules of journey.jison, in order. The names are the tokens; `null` rules are skipped text. */
const INITIAL: [RegExp, TokenKind | 'newline' | 'accTitleStart' | 'accDescrStart' | 'accDescrBlock' | null][] = [
  [/%(?!\{)[^\n]*/iy, null],
  [/[^}]%%[^\n]*/iy, null],
  [/[\n]+/iy, 'newline'],
  [/\s+/iy, null],
  [/#[^\n]*/iy, 'comment'],
  [/journey\b/iy, 'journey'],
  [/title\s[^#\n;]+/iy, 'title'],
  [/accTitle\s*:\s*/iy, 'accTitleStart'],
  [/accDescr\s*:\s*/iy, 'accDescrStart'],
  [/accDescr\s*\{\s*/iy, 'accDescrBlock'],
  [/section\s[^#:\n;]+/iy, 'section'],
  [/[^#:\n;]+/iy, 'taskName'],
  [/:[^#\n;]+/iy, 'taskData'],
  [/:/iy, 'colon'],
  [/./iy, 'invalid'],
];

/** Blanks `text` from `start` to `end`, keeping its line breaks, so later positions do not move. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

/** Text as Mermaid shows it: entity codes (`#9829;`, `#quot;`) as the characters they stand for. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY_PLACEHOLDER, (_, numeric: string, code: string) => {
    if (numeric) {
      const n = Number(code);
      return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : `#${code};`;
    }
    return NAMED_ENTITIES[code] ?? `#${code};`;
  });
}

/** mermaid/src/utils.ts encodeEntities: `#9829;` stays one piece of text, whatever the rules say of `#` and `;`. */
function encodeEntities(text: string): string {
  return text
    .replace(/style.*:\S*#.*;/g, (s) => s.slice(0, -1))
    .replace(/classDef.*:\S*#.*;/g, (s) => s.slice(0, -1))
    .replace(/#\w+;/g, (s) => {
      const inner = s.slice(1, -1);
      return /^\+?\d+$/.test(inner) ? `${ENTITY_OPEN}\u00B0${inner}${ENTITY_CLOSE}` : `${ENTITY_OPEN}${inner}${ENTITY_CLOSE}`;
    });
}

export function lexJourney(source: string): Lexed {
  let text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const out: Lexed = { isJourney: false, directives: [], comments: [], tokens: [] };
  const lineAt = lineIndex(text);

  const front = frontMatterRegex.exec(text);
  if (front) {
    const indent = front[1];
    const body = indent ? front[2].split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n') : front[2];
    try {
      const data = parseYaml(body) as unknown;
      const fields = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
      out.frontmatter = {
        ...(fields.title ? { title: String(fields.title) } : {}),
        ...(typeof fields.config === 'object' && fields.config !== null ? { config: fields.config as Record<string, unknown> } : {}),
      };
    } catch (error) {
      const linePos = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1;
      out.frontmatterError = { line: linePos + 1, message: String((error as Error).message).split('\n')[0] };
    }
    text = blank(text, 0, front[0].length);
  }
  for (const m of text.matchAll(directiveRegex)) out.directives.push(lineAt(m.index).line);
  text = text.replace(directiveRegex, (m) => m.replace(/[^\n]/g, ' '));
  for (const m of text.matchAll(commentLine)) {
    const start = m.index + m[0].indexOf('%%');
    out.comments.push({ line: lineAt(start).line, text: m[0].slice(m[0].indexOf('%%') + 2).trim() });
  }
  text = text.replace(commentLine, (m) => m.replace(/[^\n]/g, ' '));
  // mermaid/src/diagrams/user-journey/journeyDetector.ts
  out.isJourney = /^\s*journey/.test(text);
  text = encodeEntities(text);
  tokenize(text, positionIn(text), out);
  return out;
}

function tokenize(text: string, lineAt: (offset: number) => { line: number; column: number }, out: Lexed): void {
  let pos = 0;
  const push = (kind: TokenKind, value: string, at: number) => out.tokens.push({ kind, text: decodeEntities(value), ...lineAt(at) });
  while (pos < text.length) {
    let matched = false;
    for (const [rule, kind] of INITIAL) {
      rule.lastIndex = pos;
      const m = rule.exec(text);
      if (!m) continue;
      matched = true;
      const start = pos;
      pos += m[0].length;
      if (kind === 'accTitleStart' || kind === 'accDescrStart') {
        // <acc_title>, <acc_descr>: the value is the rest of the line, `#` and `;` included.
        const value = /[^\n]*/y;
        value.lastIndex = pos;
        const v = value.exec(text)![0];
        push(kind === 'accTitleStart' ? 'accTitle' : 'accDescr', v.trim(), start);
        pos += v.length;
      } else if (kind === 'accDescrBlock') {
        // <acc_descr_multiline>: everything up to `}`; a block never closed is an error in Mermaid.
        const end = text.indexOf('}', pos);
        if (end < 0) {
          out.unclosed = lineAt(start);
          return;
        }
        push('accDescr', text.slice(pos, end).trim().replace(/\n\s+/g, '\n'), start);
        pos = end + 1;
      } else if (kind === 'comment') push('comment', m[0].slice(1).trim(), start);
      else if (kind !== null && kind !== 'newline') push(kind, m[0], start);
      break;
    }
    if (!matched) break;
  }
}

/**
 * Line and column (1-based) of an offset in the text as lexed, counted in the file: parts taken out were
 * blanked, so lines do not move, and an entity code counts as the characters it was written with.
 */
function positionIn(text: string): (offset: number) => { line: number; column: number } {
  const lineAt = lineIndex(text);
  return (offset) => {
    const { line, column } = lineAt(offset);
    const before = text.slice(offset - column + 1, offset).replace(ENTITY_PLACEHOLDER, '#$2;');
    return { line, column: before.length + 1 };
  };
}

/** Line and column (1-based) of an offset in `text`. */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}
