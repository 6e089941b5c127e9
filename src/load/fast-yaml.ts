/**
 * A parser for the plain subset of YAML that journey maps are written in: block mappings and sequences,
 * single-line plain and quoted scalars, and single-line flow collections. It keeps no positions, except
 * the spans of keys and one-line values when asked (source-spans.ts), and gives up (returns undefined) on
 * anything outside that subset, or anything it is not sure about; the
 * caller then uses the full parser. Within the subset it yields exactly what the full parse (parse.ts:
 * `yaml`, YAML 1.2, core schema) yields, or gives up: test/fast-yaml-differential.test.ts checks that on
 * the official YAML test suite, on a generated corpus of YAML's corners and on mutations of every example,
 * and `npm run fuzz` on millions more. Where YAML has a corner this parser is not sure of, it gives up.
 *
 * Why it exists: validating a repository of maps is dominated by parsing, and most maps are clean. This
 * parser is several times faster than a general one, so clean maps are cleared fast, and maps whose
 * findings it can place (most of them) never pay for the position-keeping parse.
 */

import { MAX_DEPTH, MAX_IMPLICIT_KEY } from './limits.js';
import type { SourceSpans, Span } from './source-spans.js';

/** Thrown internally to abandon the fast parse. */
class Unsupported extends Error {}
const unsupported = new Unsupported();

/** Characters that cannot start a plain scalar in this subset: YAML indicators and quotes. */
const INDICATOR = new Uint8Array(128);
for (const c of '&*!|>%@`#,[]{}"\'') INDICATOR[c.charCodeAt(0)] = 1;

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?[0-9]+\.[0-9]+$/;
/** Everything the YAML 1.2 core schema reads as a number, including forms this parser leaves to `yaml`. */
const CORE_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * The lines that carry content (blank and comment-only lines are left out), as offsets into the text:
 * where the content starts and ends, its indentation, and where the source line ends. Offsets rather
 * than line strings, because allocation is most of a parser's cost.
 */
interface State {
  text: string;
  start: Int32Array;
  end: Int32Array;
  indent: Int32Array;
  lineEnd: Int32Array;
  count: number;
  i: number;
  /** Where keys and values lie, when the caller asks (only to locate findings: clean maps need none). */
  spans?: SourceSpans;
  /** The span of the value parseInline read last. */
  inline?: Span;
}

/**
 * Characters the subset leaves to the full parse: tabs (YAML has subtle rules for them), carriage
 * returns (line breaks too, in YAML; source.ts turns them into line feeds), every other C0 and C1 control
 * (U+0085 is a line break in YAML 1.1), U+2028 and U+2029 (line breaks to JavaScript, not to YAML),
 * U+FEFF (a byte order mark, which YAML allows between documents) and the non-characters U+FFFE, U+FFFF.
 * What remains is printable to YAML and none of it is whitespace to YAML.
 */
const UNSURE_CHARACTER = /[\0-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;

export function parseFast(text: string, spans?: SourceSpans): unknown {
  try {
    // Lone surrogates are not text: YAML has no way to hold them.
    if (UNSURE_CHARACTER.test(text) || !(text as unknown as { isWellFormed(): boolean }).isWellFormed()) return undefined;
    const state = splitLines(text);
    state.spans = spans;
    if (state.count === 0 || state.indent[0] !== 0 || isSeqItem(state, 0)) return undefined;
    const value = parseMap(state, 0, 1);
    return state.i === state.count ? value : undefined;
  } catch (error) {
    if (error instanceof Unsupported || error instanceof RangeError) return undefined;
    throw error;
  }
}

function splitLines(text: string): State {
  const capacity = countLines(text);
  const state: State = { text, start: new Int32Array(capacity), end: new Int32Array(capacity), indent: new Int32Array(capacity), lineEnd: new Int32Array(capacity), count: 0, i: 0 };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let first = lineStart;
    while (text.charCodeAt(first) === 32) first++;
    let last = lineEnd;
    while (last > first && text.charCodeAt(last - 1) === 32) last--;
    if (last > first) {
      const c = text.charCodeAt(first);
      if (c !== 35 /* # */) {
        // Document markers and directives, which only count at the start of a line: left to the full parser.
        if (first === lineStart && (c === 37 /* % */ || ((c === 45 || c === 46) && (text.startsWith('---', first) || text.startsWith('...', first))))) throw unsupported;
        const n = state.count++;
        state.start[n] = first;
        state.end[n] = last;
        state.indent[n] = first - lineStart;
        state.lineEnd[n] = lineEnd;
      }
    }
    lineStart = lineEnd + 1;
  }
  return state;
}

function countLines(text: string): number {
  let n = 1;
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) n++;
  return n;
}

/**
 * End of a simple key (`[A-Za-z_][A-Za-z0-9_-]*`) starting at `from` and followed by `:` and a space or
 * the end (`limit`): the index of the `:`, or -1. Keys the core schema reads as null or a boolean are
 * not simple: -1.
 */
function scanKey(text: string, from: number, limit: number): number {
  const end = scanWord(text, from, limit);
  return end < 0 || ((end - from === 4 || end - from === 5) && NOT_STRING_KEYS.has(text.slice(from, end))) ? -1 : end;
}

const NOT_STRING_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

function scanWord(text: string, from: number, limit: number): number {
  let p = from;
  const c0 = text.charCodeAt(p);
  if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || c0 === 95)) return -1;
  for (p++; p < limit; p++) {
    const c = text.charCodeAt(p);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45) continue;
    break;
  }
  if (p >= limit || text.charCodeAt(p) !== 58) return -1;
  return p + 1 === limit || text.charCodeAt(p + 1) === 32 ? p : -1;
}

function isSeqItem(state: State, i: number): boolean {
  const at = state.start[i];
  return state.text.charCodeAt(at) === 45 && (at + 1 === state.end[i] || state.text.charCodeAt(at + 1) === 32);
}

function parseBlock(state: State, indent: number, depth: number): unknown {
  return isSeqItem(state, state.i) ? parseSeq(state, indent, depth) : parseMap(state, indent, depth);
}

/** Gives up on a collection nested deeper than the full parse allows (parse.ts reports those). */
function enter(depth: number): void {
  if (depth > MAX_DEPTH) throw unsupported;
}

function parseMap(state: State, indent: number, depth: number): Record<string, unknown> {
  enter(depth);
  const out: Record<string, unknown> = {};
  const { text } = state;
  while (state.i < state.count) {
    const i = state.i;
    if (state.indent[i] !== indent || isSeqItem(state, i)) break;
    const from = state.start[i];
    const to = state.end[i];
    const keyEnd = scanKey(text, from, to);
    // `yaml` measures YAML's limit on implicit keys from the start of the item's tokens, which may be the
    // line break before the key's line: a key whose `:` is past column 1,023 is left to it.
    if (keyEnd < 0 || keyEnd - from + indent >= MAX_IMPLICIT_KEY) throw unsupported;
    const key = text.slice(from, keyEnd);
    // A duplicate key, or one the prototype has (`constructor`): values are never undefined, so anything
    // already there sends the map to the full parser, which reports or reads it correctly.
    if (out[key] !== undefined || key === '__proto__') throw unsupported;
    let restStart = keyEnd + 1;
    while (text.charCodeAt(restStart) === 32 && restStart < to) restStart++;
    state.i++;
    out[key] = parseValueAfterKey(state, indent, i, restStart, to, depth);
    if (state.spans) state.spans.set(out, key, { start: from, end: keyEnd }, isInline(text, restStart, to) ? state.inline : undefined);
  }
  return out;
}

/** Whether the value after a key is written on its line (parseInline reads it), not below it. */
function isInline(text: string, restStart: number, to: number): boolean {
  const c = restStart < to ? text.charCodeAt(restStart) : -1;
  return c !== -1 && c !== 35 /* # */ && c !== 124 /* | */ && c !== 62 /* > */;
}

function parseValueAfterKey(state: State, indent: number, keyLine: number, restStart: number, to: number, depth: number): unknown {
  const rest = restStart === to ? '' : state.text.slice(restStart, to);
  if (rest[0] === '|' || rest[0] === '>') {
    const block = /^([|>])(-?)(?: +#.*)?$/.exec(rest);
    if (!block) throw unsupported;
    return blockScalar(state, indent, keyLine, block[1] === '>', block[2] === '-');
  }
  const next = state.i < state.count ? state.i : -1;
  if (rest === '' || rest[0] === '#') {
    if (next >= 0 && state.indent[next] > indent) return parseBlock(state, state.indent[next], depth + 1);
    // A sequence may sit at the same indentation as its key.
    if (next >= 0 && state.indent[next] === indent && isSeqItem(state, next)) return parseSeq(state, indent, depth + 1);
    return null;
  }
  // A scalar continued on more-indented lines is a multi-line scalar: left to the full parser.
  if (next >= 0 && state.indent[next] > indent) throw unsupported;
  return parseInline(state, restStart, to, depth);
}

function parseSeq(state: State, indent: number, depth: number): unknown[] {
  enter(depth);
  const out: unknown[] = [];
  const { text } = state;
  while (state.i < state.count) {
    const i = state.i;
    if (state.indent[i] !== indent || !isSeqItem(state, i)) break;
    const to = state.end[i];
    let restStart = state.start[i] + 1;
    while (restStart < to && text.charCodeAt(restStart) === 32) restStart++;
    const c = restStart < to ? text.charCodeAt(restStart) : -1;
    if (c === -1 || c === 35 /* # */) {
      state.i++;
      const next = state.i;
      out.push(next < state.count && state.indent[next] > indent ? parseBlock(state, state.indent[next], depth + 1) : null);
    } else if (c === 45 && (restStart + 1 === to || text.charCodeAt(restStart + 1) === 32)) {
      throw unsupported;
    } else if (scanKey(text, restStart, to) >= 0) {
      // `- key: value` opens a mapping whose keys line up with `key`: treat the rest as its first line.
      state.indent[i] = indent + (restStart - state.start[i]);
      state.start[i] = restStart;
      out.push(parseMap(state, state.indent[i], depth + 1));
    } else {
      state.i++;
      if (state.i < state.count && state.indent[state.i] > indent) throw unsupported;
      out.push(parseInline(state, restStart, to, depth));
      state.spans?.set(out, out.length - 1, undefined, state.inline);
    }
  }
  return out;
}

/**
 * A `|` (literal) or `>` (folded) block scalar with clip or strip chomping, read from the source lines
 * that follow the key. Keep chomping, indentation indicators and folded text with more-indented lines
 * are left to the full parser.
 */
function blockScalar(state: State, parentIndent: number, keyLine: number, folded: boolean, strip: boolean): string {
  const { text } = state;
  const body: string[] = [];
  let contentIndent = -1;
  let blanks = 0;
  let lineStart = state.lineEnd[keyLine] + 1;
  let stop = text.length;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const indent = leadingSpaces(line);
    if (indent === line.length) {
      // Whitespace-only lines longer than the indentation carry content: left to the full parser.
      if (line.length > (contentIndent < 0 ? parentIndent + 1 : contentIndent)) throw unsupported;
      blanks++;
    } else {
      if (indent <= parentIndent) {
        stop = lineStart;
        break;
      }
      if (contentIndent < 0) contentIndent = indent;
      else if (indent < contentIndent) throw unsupported;
      for (; blanks > 0; blanks--) body.push('');
      body.push(line.slice(contentIndent));
    }
    lineStart = lineEnd + 1;
  }
  while (state.i < state.count && state.start[state.i] < stop) state.i++;
  if (contentIndent < 0) return '';
  let value: string;
  if (folded) {
    value = '';
    let previousBlank = true;
    for (const line of body) {
      if (line.startsWith(' ')) throw unsupported;
      if (line === '') {
        value += '\n';
        previousBlank = true;
      } else {
        value += previousBlank ? line : ` ${line}`;
        previousBlank = false;
      }
    }
  } else {
    value = body.join('\n');
  }
  return strip ? value : `${value}\n`;
}

function leadingSpaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/**
 * A value written on the rest of a line (`from` to `to` in the text), in a collection at `depth`: a quoted
 * or plain scalar, or a flow collection. Its span goes to `state.inline` when spans are kept.
 */
function parseInline(state: State, from: number, to: number, depth: number): unknown {
  const text = state.text.slice(from, to);
  const c = text[0];
  if (c === '"' || c === "'" || c === '[' || c === '{') {
    const cursor: Cursor = { text, p: 0, base: from, spans: state.spans };
    const value = parseFlowNode(cursor, depth + 1);
    if (state.spans) state.inline = { start: from, end: from + cursor.p };
    expectLineEnd(cursor);
    return value;
  }
  const value = plainScalar(text, false);
  // A plain scalar's span ends where its text does, before a comment and the spaces ahead of it.
  if (state.spans) state.inline = { start: from, end: from + plainLength(text) };
  return value;
}

function plainLength(raw: string): number {
  const comment = raw.indexOf(' #');
  return comment < 0 ? raw.length : trimSpaces(raw.slice(0, comment)).length;
}

function expectLineEnd(cursor: Cursor): void {
  const rest = cursor.text.slice(cursor.p);
  if (rest !== '' && !/^ +(#.*)?$/.test(rest)) throw unsupported;
}

interface Cursor {
  text: string;
  p: number;
  /** Offset of `text` in the whole file, for spans. */
  base: number;
  spans?: SourceSpans;
}

/** Reads one item of a flow collection and, when spans are kept, records where it lies in the file. */
function flowItem(cursor: Cursor, depth: number, container: object, segment: string | number): unknown {
  const start = cursor.p;
  const value = parseFlowNode(cursor, depth);
  if (cursor.spans) {
    let end = cursor.p;
    while (end > start && cursor.text.charCodeAt(end - 1) === 32) end--;
    cursor.spans.set(container, segment, undefined, { start: cursor.base + start, end: cursor.base + end });
  }
  return value;
}

/** A node in a flow collection (or a quoted scalar or flow collection on a block line), at `depth` if a collection. */
function parseFlowNode(cursor: Cursor, depth: number): unknown {
  const c = cursor.text[cursor.p];
  if (c === '"') return doubleQuoted(cursor);
  if (c === "'") return singleQuoted(cursor);
  if (c === '[') return flowSeq(cursor, depth);
  if (c === '{') return flowMap(cursor, depth);
  const start = cursor.p;
  for (; cursor.p < cursor.text.length; cursor.p++) {
    const c = cursor.text.charCodeAt(cursor.p);
    if (c === 44 /* , */ || c === 91 || c === 93 /* [ ] */ || c === 123 || c === 125 /* { } */) break;
    // ` #` starts a comment, which runs to the end of the line, brackets and all: left to the full parser.
    if (c === 35 /* # */ && cursor.text.charCodeAt(cursor.p - 1) === 32) throw unsupported;
  }
  return plainScalar(trimSpaces(cursor.text.slice(start, cursor.p)), true);
}

/** Only spaces: String#trim() also removes characters that are text to YAML (U+00A0, U+3000…). */
function trimSpaces(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && text.charCodeAt(from) === 32) from++;
  while (to > from && text.charCodeAt(to - 1) === 32) to--;
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

function skipSpaces(cursor: Cursor): void {
  while (cursor.text[cursor.p] === ' ') cursor.p++;
}

function flowSeq(cursor: Cursor, depth: number): unknown[] {
  enter(depth);
  const out: unknown[] = [];
  cursor.p++;
  skipSpaces(cursor);
  if (cursor.text[cursor.p] === ']') {
    cursor.p++;
    return out;
  }
  for (;;) {
    out.push(flowItem(cursor, depth + 1, out, out.length));
    skipSpaces(cursor);
    const c = cursor.text[cursor.p++];
    if (c === ']') return out;
    if (c !== ',') throw unsupported;
    skipSpaces(cursor);
    if (cursor.text[cursor.p] === ']') throw unsupported;
  }
}

function flowMap(cursor: Cursor, depth: number): Record<string, unknown> {
  enter(depth);
  const out: Record<string, unknown> = {};
  cursor.p++;
  skipSpaces(cursor);
  if (cursor.text[cursor.p] === '}') {
    cursor.p++;
    return out;
  }
  for (;;) {
    const keyEnd = scanKey(cursor.text, cursor.p, cursor.text.length);
    if (keyEnd < 0 || keyEnd - cursor.p >= MAX_IMPLICIT_KEY || cursor.text.charCodeAt(keyEnd + 1) !== 32) throw unsupported;
    const key = cursor.text.slice(cursor.p, keyEnd);
    if (Object.hasOwn(out, key) || key === '__proto__') throw unsupported;
    const keyStart = cursor.p;
    cursor.p = keyEnd + 2;
    skipSpaces(cursor);
    out[key] = flowItem(cursor, depth + 1, out, key);
    cursor.spans?.setKey(out, key, { start: cursor.base + keyStart, end: cursor.base + keyEnd });
    skipSpaces(cursor);
    const c = cursor.text[cursor.p++];
    if (c === '}') return out;
    if (c !== ',') throw unsupported;
    skipSpaces(cursor);
    if (cursor.text[cursor.p] === '}') throw unsupported;
  }
}

function singleQuoted(cursor: Cursor): string {
  let out = '';
  let p = cursor.p + 1;
  for (;;) {
    const q = cursor.text.indexOf("'", p);
    if (q < 0) throw unsupported;
    out += cursor.text.slice(p, q);
    if (cursor.text[q + 1] === "'") {
      out += "'";
      p = q + 2;
    } else {
      cursor.p = q + 1;
      return out;
    }
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f' };

function doubleQuoted(cursor: Cursor): string {
  let out = '';
  const { text } = cursor;
  for (let p = cursor.p + 1; p < text.length; p++) {
    const c = text[p];
    if (c === '"') {
      cursor.p = p + 1;
      return out;
    }
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = text[++p];
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(p + 1, p + 5))) {
      const code = parseInt(text.slice(p + 1, p + 5), 16);
      if (code >= 0xd800 && code <= 0xdfff) throw unsupported;
      out += String.fromCharCode(code);
      p += 4;
    } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
      out += ESCAPES[e];
    } else {
      throw unsupported;
    }
  }
  throw unsupported;
}

/** A plain (unquoted) scalar, typed as the YAML 1.2 core schema types it. */
function plainScalar(raw: string, inFlow: boolean): unknown {
  let text = raw;
  const comment = text.indexOf(' #');
  if (comment >= 0) text = trimSpaces(text.slice(0, comment));
  if (text === '') {
    if (inFlow) throw unsupported;
    return null;
  }
  const c = text.charCodeAt(0);
  if ((c < 128 && INDICATOR[c] === 1) || ((c === 45 || c === 63 || c === 58) /* - ? : */ && (text.length === 1 || text.charCodeAt(1) === 32))) throw unsupported;
  if (text.includes(': ') || text.endsWith(':') || (inFlow && text.includes(':'))) throw unsupported;
  switch (text) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const n = text.charCodeAt(0);
  if (((n >= 48 && n <= 57) || n === 43 || n === 45 || n === 46) && CORE_NUMBER.test(text)) {
    if (INT.test(text) || FLOAT.test(text)) return Number(text);
    throw unsupported;
  }
  return text;
}
