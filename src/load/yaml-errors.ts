import type { YAMLError } from 'yaml';
import type { RawFinding } from '../validate/finding.js';

/**
 * The people who edit journey maps are patient-experience analysts, not YAML experts. The yaml package's
 * messages ("Nested mappings are not allowed in compact mappings") name its grammar, and one slip of
 * indentation sets off a cascade of them, often a line away from the slip. This turns a parse's errors into
 * what an analyst can act on: the first mistake only (what follows it is usually its echo), on the line
 * where it was made, in plain words, with what to type instead.
 */
export function explainYamlErrors(text: string, errors: readonly YAMLError[], duplicateKeys: readonly number[] = []): RawFinding[] {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const firstError = sorted[0]?.pos[0] ?? Infinity;
  // Keys given twice before the first mistake are mistakes of their own; after it, they may be its echo.
  const findings: RawFinding[] = duplicateKeys.filter((offset) => offset < firstError).map((offset) => ({ ruleId: 'duplicate-key', message: duplicateKey(text, offset), path: [], offset }));
  if (sorted.length > 0) findings.push({ ruleId: 'yaml-syntax', path: [], ...explain(text, sorted[0]) });
  return findings;
}

function duplicateKey(text: string, offset: number): string {
  const key = /^[^:\n]*/.exec(text.slice(offset))![0].trim();
  return `\`${key}\` is given twice in the same block: keep one (the second would silently replace the first)`;
}

/** One line of the file as the indentation check sees it. */
interface Line {
  /** 1-based line number and the offset of its first character. */
  number: number;
  start: number;
  /** Spaces before the content; a tab in them is reported of its own. */
  indent: number;
  tab: boolean;
  /** The content, from its first non-blank character. */
  body: string;
}

const KEY = /^[^\s#'"[\]{},&*!|>%@`-][^:#]*:(?=\s|$)/;
const ITEM = /^-(?=\s|$)/;
const BLOCK_SCALAR = /(?:^|:\s+|^-\s+)[|>][-+0-9]*\s*(?:#.*)?$/;

function explain(text: string, error: YAMLError): { message: string; offset: number } {
  const lines = contentLines(text);
  const at = error.pos[0];
  const slip = firstSlip(lines);
  // A slip is the cause when yaml stumbles on it, or on the line before it (yaml often notices a line's
  // mistake only where the line above it ends).
  const next = lines.find((l) => l.start > at);
  if (slip && slip.line.number <= (next?.number ?? Infinity)) return slip;
  const line = lines.findLast((l) => l.start <= at);
  return byKind(text, error, line, lines) ?? byWords(error) ?? { message: `the YAML cannot be read here (${error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim()})`, offset: at };
}

/** The mistakes yaml names, each in words an analyst can act on. */
function byKind(text: string, error: YAMLError, line: Line | undefined, lines: Line[]): { message: string; offset: number } | undefined {
  const message = error.message;
  const at = error.pos[0];
  if (line && (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY')) {
    const quoted = quoteValue(line.body);
    // Point at the text that needs the quotes, not at its key.
    if (quoted) return { message: `text that contains ": " must be in quotes, or YAML reads the second colon as a new key: write ${quoted}`, offset: line.start + line.indent + line.body.indexOf(': ') + 2 };
  }
  if (/^Flow (sequence|map|mapping) in block collection/.test(message)) {
    // yaml notices the list is unclosed only on the next line: point at the line that opened it.
    const opened = lines.findLast((l) => l.start < at && /[[{]/.test(l.body)) ?? line;
    const bracket = opened ? opened.body.search(/[[{]/) : -1;
    const hash = opened ? opened.body.indexOf(' #', bracket) : -1;
    const where = opened ? opened.start + opened.indent + Math.max(bracket, 0) : at;
    return opened && hash >= 0
      ? { message: 'a # after a space starts a comment, which cut this list short before its ]: put the item in quotes, as in [ "knee #TKA", joint replacement ]', offset: opened.start + opened.indent + hash + 1 }
      : { message: 'a list in [ ] or { } is not closed on its line: add the closing bracket, and put text that holds a comma, a colon or # in quotes', offset: where };
  }
  if (/^Missing closing ("|')quote/.test(message)) {
    const quote = message.includes('"') ? '"' : "'";
    const opened = lines.findLast((l) => l.start < at && l.body.includes(quote)) ?? line;
    return { message: `a ${quote} opens text here that is never closed: add the closing ${quote} at the end of the text`, offset: opened ? opened.start + opened.indent : at };
  }
  if (error.code === 'TAB_AS_INDENT') return { message: 'this line is indented with a tab; YAML counts only spaces: indent it with spaces, like the line above it', offset: at };
  if (error.code === 'BAD_DQ_ESCAPE') return { message: `${message.replace('Invalid escape sequence ', '')} is not an escape YAML knows in "double quotes": write \\\\ for a backslash, or use 'single quotes', in which \\ is plain text`, offset: at };
  if (error.code === 'BAD_SCALAR_START') return { message: `text cannot start with ${message.slice(-1)} unless it is in quotes: put the whole value in quotes`, offset: at };
  if (error.code === 'MULTIPLE_DOCS') return { message: 'a line --- starts a second document; a map file holds one map: remove the line, or split the file', offset: at };
  if (/^Unexpected scalar at node end/.test(message) && line && /^[^:]*:\s*"[^"]*"\S/.test(line.body)) {
    return { message: 'text in quotes goes on after its closing quote: put the whole value in quotes, or use single quotes around text with " in it', offset: at };
  }
  if (error.code === 'KEY_OVER_1024_CHARS') return { message: 'a key longer than 1,024 characters: a key is one word such as `title`; did a line lose its colon or its indentation?', offset: at };
  return undefined;
}

/** yaml's other messages, in words; the location stays yaml's. */
const WORDS: [RegExp, string][] = [
  [/^A block sequence may not be used as an implicit map key/, 'a list item (a line starting with "- ") stands where a key was expected: check that this line and the one above it are indented as their neighbours are'],
  [/^All mapping items must start at the same column/, 'the keys of this block do not line up: indent this line like the other keys of its block'],
  [/^All sequence items must start at the same column/, 'the items of this list do not line up: start this "- " where the list\'s other items start'],
  [/^Implicit keys need to be on a single line/, 'a key and its colon must be on one line: this line seems to run on from the text above it; check its indentation, or add the missing colon'],
  [/^Implicit map keys need to be followed by map values/, 'a line with no "key:" stands where a key was expected: add the key and its colon, or indent the line as part of the text above it'],
  [/^Nested mappings are not allowed in compact mappings/, 'a second "key:" on one line: if the text after the first colon holds ": ", put that text in quotes'],
  [/^Sequence item without - indicator/, 'this line stands where the next item of a list was expected: start it with "- ", or indent it like the lines of the item above'],
  [/^Comments must be separated from other tokens by white space/, 'a # starts a comment only after a space: add a space before the #, or put the text in quotes'],
  [/^Missing , (or : )?between flow (sequence|map) items/, 'items inside [ ] or { } are separated by commas: add the comma, or put text that holds spaces and colons in quotes'],
  [/^Unexpected , in flow/, 'an extra comma inside [ ] or { }: remove it'],
  [/^Unexpected empty item in flow/, 'an empty item inside [ ] or { } (two commas in a row): remove one comma'],
  [/^Missing space after : in flow/, 'a colon inside { } needs a space after it: write `key: value`'],
  [/^Block scalar header includes extra characters/, 'after | or > only a - or + (and a comment) may follow on the line: move the text to the lines below it'],
  [/^Unexpected flow-seq-end token/, 'a ] closes a list that was never opened with [: remove it, or put the text that holds it in quotes'],
  [/^Unexpected flow-map-end token/, 'a } closes a mapping that was never opened with {: remove it, or put the text that holds it in quotes'],
  [/^Unexpected block-seq-ind on same line with key/, 'a list item ("- ") cannot start on the line of its key: move it to the next line, indented under the key'],
  [/^Block scalar lines must not be less indented than their first line/, 'the lines of text under | or > must be indented at least as far as its first line: indent this line like the first line of the text'],
  [/^Block scalars with more-indented leading empty lines/, 'the text under | or > starts with blank lines that hold spaces: remove the spaces from those blank lines'],
  [/^Block collections are not allowed within flow collections/, 'inside [ ] or { } the items go on one line: write a list over several lines with "- " items instead'],
  [/^Implicit keys of flow sequence pairs need to be on a single line/, 'inside [ ], a key and its colon must be on one line: put the text in quotes, or join the lines'],
  [/^Not a YAML token/, 'this stands where YAML expects a key or a list item: check its indentation, or add the missing "key:" before it'],
  [/^(Verbatim tags must end with a >|Missing newline after block sequence props)/, 'text that starts with ! or & must be in quotes'],
  [/^Unexpected (scalar|double-quoted-scalar|single-quoted-scalar|flow-seq-end|flow-map-end|flow-seq-start|flow-map-start|map-value-ind|seq-item-ind) at node end/, 'something follows a value on the same line that YAML cannot place: put the whole value in quotes, or move what follows to a line of its own'],
  [/^Tags and anchors must be separated/, 'a ! or & must be followed by a space: put text that starts with ! or & in quotes'],
  [/^Anchors and tags must be after the/, 'text that starts with ! or & must be in quotes'],
  [/^(Alias|Anchor) cannot be an empty string/, 'a * or & alone is not text YAML can read: put the text in quotes'],
  [/^Unresolved alias/, 'a * names text to repeat that is never marked with &: put text that starts with * in quotes'],
  [/^A node can have at most one (anchor|tag)/, 'text that starts with & or ! must be in quotes'],
  [/^Missing directives-end/, 'a line starting with % is a YAML directive, which maps never use: remove it, or put the text in quotes'],
];

function byWords(error: YAMLError): { message: string; offset: number } | undefined {
  const found = WORDS.find(([pattern]) => pattern.test(error.message));
  return found && { message: found[1], offset: error.pos[0] };
}

/** `name: "Surgery day: sleeve"` for `name: Surgery day: sleeve`, when the line is a key whose value holds ": ". */
function quoteValue(body: string): string | undefined {
  const key = KEY.exec(body.replace(ITEM, '').trimStart());
  if (!key) return undefined;
  const prefix = body.slice(0, body.length - body.replace(ITEM, '').trimStart().length) + key[0];
  const value = body.slice(prefix.length).replace(/\s+#.*$/, '').trim();
  if (!value.includes(': ') || /^["'[{|>]/.test(value)) return undefined;
  return `${prefix} "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The first line whose indentation cannot be right: a key or list item that lines up with no block open
 * above it, one indented further under a key that already has its value, a tab, or a dash or colon
 * without its space. Only lines that look like keys or items are judged, so the continuation of long
 * text is never taken for a slip.
 */
function firstSlip(lines: Line[]): { line: Line; message: string; offset: number } | undefined {
  const unit = indentUnit(lines);
  /** The columns of the blocks open above the current line, innermost last, with the line that opened each. */
  const open: { column: number; first?: Line; parent: number }[] = [{ column: 0, parent: 0 }];
  let opensBlock = false;
  let previous: Line | undefined;
  for (const line of lines) {
    const offset = line.start + line.indent;
    if (line.tab) return { line, message: 'this line is indented with a tab; YAML counts only spaces: indent it with spaces, like the line above it', offset: line.start };
    if (/^-[^\s-]/.test(line.body) && KEY.test(line.body.slice(1))) {
      return { line, message: `a list item needs a space after its dash: write "- ${line.body.slice(1)}"`, offset };
    }
    const dash = /^-\s+/.exec(line.body)?.[0] ?? '';
    const missingSpace = /^([A-Za-z_][\w-]*):([^\s:/].*)$/.exec(line.body.slice(dash.length));
    if (missingSpace) {
      return { line, message: `a key needs a space after its colon: write "${dash}${missingSpace[1]}: ${missingSpace[2]}"`, offset };
    }
    if (!KEY.test(line.body) && !ITEM.test(line.body)) {
      // Text: the value of the key above it, running on.
      opensBlock = false;
      continue;
    }
    const top = open.at(-1)!;
    if (opensBlock && (line.indent > top.column || (ITEM.test(line.body) && line.indent === top.column))) {
      open.push({ column: line.indent, first: line, parent: top.column });
    } else {
      // A block whose first line was indented by an odd step, just above: that first line is the slip, not this one.
      const opened = unit ? open.findLast((b) => b.first !== undefined && b.first === previous && b.column - b.parent !== unit && b.column !== b.parent) : undefined;
      if (line.indent > top.column && previous) {
        if (opened) return oddFirst(opened, unit!);
        return {
          line,
          message: `this line is indented further than ${describe(previous)} on line ${previous.number}, so YAML reads it as part of that line's text: indent it ${spaces(top.column)}, like line ${previous.number}`,
          offset,
        };
      }
      let closed: number | undefined;
      while (open.length > 1 && open.at(-1)!.column > line.indent) closed = open.pop()!.column;
      if (open.at(-1)!.column !== line.indent) {
        if (opened) return oddFirst(opened, unit!);
        const column = closed !== undefined && Math.abs(closed - line.indent) <= Math.abs(open.at(-1)!.column - line.indent) ? closed : open.at(-1)!.column;
        return { line, message: `this line is indented ${spaces(line.indent)}, but the lines of this block are indented ${spaces(column)}: indent it like the line above it`, offset };
      }
    }
    const item = ITEM.exec(line.body);
    const rest = item ? line.body.slice(1).trimStart() : line.body;
    // `- key: value` opens a mapping whose keys line up after the dash.
    if (item && KEY.test(rest)) open.push({ column: line.indent + line.body.length - rest.length, parent: line.indent });
    opensBlock = rest === '' || (KEY.test(rest) && valueAfterKey(rest) === '');
    previous = line;
  }
  return undefined;
}

/** The slip on the first line of a block indented by an odd step: the lines after it follow the file's step. */
function oddFirst(block: { column: number; first?: Line; parent: number }, unit: number): { line: Line; message: string; offset: number } {
  const line = block.first!;
  return {
    line,
    message: `this line is indented ${spaces(line.indent)}, but the file indents each level by ${spaces(unit)}: indent it ${spaces(block.parent + unit)}, so that the lines under it line up with it`,
    offset: line.start + line.indent,
  };
}

/** How far this file indents each level: the commonest step from a `key:` to the first line under it. */
function indentUnit(lines: Line[]): number | undefined {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const step = lines[i].indent - lines[i - 1].indent;
    if (step > 0 && KEY.test(lines[i - 1].body.replace(ITEM, '').trimStart()) && valueAfterKey(lines[i - 1].body.replace(ITEM, '').trimStart()) === '') counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

function valueAfterKey(body: string): string {
  const key = KEY.exec(body);
  return key ? body.slice(key[0].length).replace(/^\s+#.*$/, '').trim() : body;
}

function describe(line: Line): string {
  const key = KEY.exec(line.body.replace(ITEM, '').trimStart());
  return key ? `\`${key[0]}\`` : `line ${line.number}`;
}

const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;

/**
 * The lines that carry YAML structure: blank and comment lines, the body of `|` and `>` text blocks and the
 * inside of text in quotes or brackets that runs over several lines are left out.
 */
function contentLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let blockIndent = -1;
  let closing: string | undefined;
  const raw = text.split('\n');
  raw.forEach((source, i) => {
    const lineStart = start;
    start += source.length + 1;
    const lead = /^[ \t]*/.exec(source)![0];
    const body = source.slice(lead.length).replace(/\s+$/, '');
    if (closing !== undefined) {
      if (body.includes(closing)) closing = undefined;
      return;
    }
    if (blockIndent >= 0) {
      if (body === '' || lead.length > blockIndent) return;
      blockIndent = -1;
    }
    if (body === '' || body.startsWith('#')) return;
    const line: Line = { number: i + 1, start: lineStart, indent: lead.includes('\t') ? lead.indexOf('\t') : lead.length, tab: lead.includes('\t'), body };
    out.push(line);
    if (BLOCK_SCALAR.test(body)) blockIndent = line.indent;
    const value = valueAfterKey(body.replace(ITEM, '').trimStart());
    for (const [open, close] of [['"', '"'], ["'", "'"], ['[', ']'], ['{', '}']] as const) {
      if (value.startsWith(open) && !unclosedOk(value, open, close)) closing = close;
    }
  });
  return out;
}

/** Whether text opened with `open` on this line also closes on it (an approximation that is enough for messages). */
function unclosedOk(value: string, open: string, close: string): boolean {
  if (open === close) return value.length > 1 && value.slice(1).includes(close);
  let depth = 0;
  for (const c of value) {
    if (c === open) depth++;
    else if (c === close) depth--;
  }
  return depth <= 0;
}
