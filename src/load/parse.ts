import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { duplicateKeyOffsets } from './duplicate-keys.js';
import { countLines, findItemOverflow, MAX_YAML_ITEMS } from './yaml-items.js';
import type { RawFinding } from '../validate/finding.js';

/** YAML maps never need aliases; a handful is allowed, an alias bomb is not. */
export const MAX_ALIASES = 100;
/** Deeper than any journey map nests (about 8 levels), shallow enough for every parser's stack. */
export const MAX_DEPTH = 64;

export interface ParsedSource {
  /** The data, when the file parsed into a top-level mapping. */
  data?: Record<string, unknown>;
  document?: Document.Parsed;
  lineCounter: LineCounter;
  findings: RawFinding[];
}

/** Parses YAML keeping source positions, turning every parser complaint into a located finding. */
export function parseWithPositions(text: string): ParsedSource {
  const lineCounter = new LineCounter();
  const findings: RawFinding[] = [];
  const deep = findExcessiveNesting(text);
  if (deep !== undefined) {
    // Do not hand 20,000 nested brackets to a recursive parser: report the first bracket too deep.
    lineCounter.addNewLine(0);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineCounter.addNewLine(i + 1);
    findings.push({ ruleId: 'nesting-depth', message: `the YAML nests more than ${MAX_DEPTH} levels deep`, path: [], offset: deep });
    return { lineCounter, findings };
  }
  const crowded = findItemOverflow(text);
  if (crowded !== undefined) {
    // The position-keeping parse of millions of items would take gigabytes: refuse the file instead.
    countLines(text, lineCounter);
    const message = `the file holds more than ${MAX_YAML_ITEMS.toLocaleString('en-US')} YAML items (keys, values, list entries), over the limit for a journey map`;
    findings.push({ ruleId: 'file-too-large', message, path: [], offset: crowded });
    return { lineCounter, findings };
  }
  let document: Document.Parsed;
  try {
    // yaml's own duplicate-key check compares each key with every key before it (quadratic in a mapping's
    // size); duplicateKeyOffsets finds the same keys with one set per mapping.
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: false, version: '1.2', schema: 'core', strict: true });
  } catch (error) {
    findings.push({ ruleId: 'yaml-syntax', message: `the YAML cannot be parsed: ${(error as Error).message}`, path: [], offset: 0 });
    return { lineCounter, findings };
  }
  for (const error of document.errors) {
    findings.push({ ruleId: 'yaml-syntax', message: cleanMessage(error.message), path: [], offset: error.pos[0] });
  }
  for (const offset of duplicateKeyOffsets(document)) findings.push({ ruleId: 'duplicate-key', message: DUPLICATE_KEY_MESSAGE, path: [], offset });
  for (const warning of document.warnings) {
    findings.push({ ruleId: 'yaml-warning', message: cleanMessage(warning.message), path: [], offset: warning.pos[0] });
  }
  if (findings.some((f) => f.ruleId !== 'yaml-warning')) return { document, lineCounter, findings };

  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null && !text.slice(root.range[0], root.range[1]).trim())) {
    findings.push({ ruleId: 'empty-file', message: 'the file is empty: a map starts with `journeymap: 1`', path: [], offset: 0 });
    return { document, lineCounter, findings };
  }
  if (!isMap(root)) {
    const what = isSeq(root) ? 'a list' : isAlias(root) ? 'an alias' : 'a single value';
    findings.push({ ruleId: 'not-a-map', message: `the top level is ${what}; a map is a mapping that starts with \`journeymap: 1\``, path: [], offset: root.range?.[0] ?? 0 });
    return { document, lineCounter, findings };
  }
  // An alias is written `*name`: a file without a `*` has none, and need not be walked for them.
  const aliases = text.includes('*') ? countAliases(document) : { count: 0, firstOffset: 0 };
  if (aliases.count > MAX_ALIASES) {
    findings.push({ ruleId: 'alias-limit', message: `the file uses ${aliases.count} YAML aliases, over the limit of ${MAX_ALIASES}`, path: [], offset: aliases.firstOffset });
    return { document, lineCounter, findings };
  }
  try {
    const data = document.toJS({ maxAliasCount: MAX_ALIASES * 10 }) as Record<string, unknown>;
    return { data, document, lineCounter, findings };
  } catch (error) {
    // Aliases within the count can still multiply (each alias of an alias): yaml stops that here.
    findings.push({ ruleId: 'alias-limit', message: `the aliases in this file expand too far: ${(error as Error).message}`, path: [], offset: aliases.firstOffset });
    return { document, lineCounter, findings };
  }
}

/** yaml's own wording, kept for the findings users already know. */
export const DUPLICATE_KEY_MESSAGE = 'Map keys must be unique';

function cleanMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

function countAliases(document: Document): { count: number; firstOffset: number } {
  let count = 0;
  let firstOffset = 0;
  visit(document, {
    Alias(_, node) {
      if (count++ === 0) firstOffset = node.range?.[0] ?? 0;
    },
  });
  return { count, firstOffset };
}

/**
 * Offset of the first flow bracket or block indent that nests deeper than MAX_DEPTH, or undefined.
 * Conservative (it does not skip quoted text) and linear: it only guards the recursive parsers.
 */
export function findExcessiveNesting(text: string): number | undefined {
  let depth = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32 || c === 45 /* - */) {
        // Each "- " or two spaces of indentation is at most one level of block nesting.
        if (++indent > MAX_DEPTH * 4) return i;
        continue;
      }
      lineStart = false;
    }
    if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) return i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return undefined;
}

/** A node's start and end offsets, or undefined for nodes with no source range. */
export function nodeRange(node: Node | null | undefined): [number, number] | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}
