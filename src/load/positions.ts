import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { DataPath } from '../validate/finding.js';

export interface Span {
  start: number;
  end: number;
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
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : p.key) === String(segment));
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

function spanOf(node: unknown): Span | undefined {
  const range = (node as Node | null)?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** 1-based line and column of an offset. */
export function lineCol(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
