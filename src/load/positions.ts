import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { DataPath, RawFinding } from '../validate/finding.js';
import type { SourceSpans, Span } from './source-spans.js';

export type { Span };

/** Where a finding is, 1-based: the start and the end of the span it points at. */
export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Each mapping's keys, indexed the first time a path goes through it: a file with thousands of findings
 * in one mapping looks each key up in constant time, not by a scan of the mapping.
 */
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

function keyIndex(map: YAMLMap): Map<string, Pair> {
  let index = keyIndexes.get(map);
  if (index === undefined) {
    index = new Map();
    for (const pair of map.items) {
      // The first of repeated keys wins, as a scan from the top would find it.
      if (isPair(pair) && isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    }
    keyIndexes.set(map, index);
  }
  return index;
}

/**
 * Finds the source span of a data path: the key or the value it names, or, when the path does not exist
 * (a missing property), the closest ancestor that does.
 */
export function locatePath(document: Document, path: DataPath, target: 'key' | 'value' = 'value'): Span {
  let node: unknown = document.contents;
  let span: Span = spanOf(node) ?? { start: 0, end: 0 };
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = keyIndex(node).get(String(segment));
      if (!pair) return span;
      const keySpan = spanOf(pair.key);
      if (last && target === 'key' && keySpan) return keySpan;
      node = pair.value;
      span = spanOf(node) ?? keySpan ?? span;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) return span;
      span = spanOf(node) ?? span;
    } else {
      return span;
    }
  }
  return span;
}

/**
 * locatePath for a map read by the fast parse: the same walk over the data and the spans that parse kept.
 * Undefined when the span the walk ends on was not kept (a block collection, a block scalar, an empty value).
 */
export function locateInData(data: unknown, spans: SourceSpans, path: DataPath, target: 'key' | 'value' = 'value'): Span | undefined {
  let node = data;
  let span: Span | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (Array.isArray(node)) {
      if (typeof segment !== 'number' || segment >= node.length) return span;
      span = spans.get(node, segment)?.value;
      node = node[segment];
    } else if (node !== null && typeof node === 'object') {
      const key = String(segment);
      if (!Object.hasOwn(node, key)) return span;
      const entry = spans.get(node, key);
      if (last && target === 'key') return entry?.key;
      span = entry?.value;
      node = (node as Record<string, unknown>)[key];
    } else {
      return span;
    }
  }
  return span;
}

/** The location of a finding: its fixed offset, else its path in the document, else the top of the file. */
export function locateFinding(finding: RawFinding, document: Document | undefined, lineCounter: LineCounter): Location {
  const span: Span =
    finding.offset !== undefined ? { start: finding.offset, end: finding.offset } : document ? locatePath(document, finding.path, finding.target) : { start: 0, end: 0 };
  const start = lineCol(lineCounter, span.start);
  const end = lineCol(lineCounter, span.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function spanOf(node: unknown): Span | undefined {
  const range = (node as Node | null)?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** 1-based line and column of an offset (a binary search of the line starts the parser recorded). */
export function lineCol(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
