import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

/**
 * Where each repeated key starts, in document order: every key of a mapping equal to an earlier key of
 * the same mapping, compared as yaml's `uniqueKeys` compares them (scalars by value, `1` and `'1'`
 * apart, other keys only by identity). One set per mapping, so linear in the size of the document.
 */
export function duplicateKeyOffsets(document: Document): number[] {
  const offsets: number[] = [];
  // An explicit stack, not recursion: the walk must not depend on how deep a file nests.
  const stack: unknown[] = [document.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        // NaN is never equal to itself (`.nan` keys never repeat); a Set would say it is.
        if (seen.has(key) && !Number.isNaN(key)) offsets.push(startOf(pair.key as Node | null, pair.value as Node | null));
        else seen.add(key);
        stack.push(pair.value, pair.key);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.value, node.key);
    }
  }
  return offsets.sort((a, b) => a - b);
}

function startOf(key: Node | null, value: Node | null): number {
  return key?.range?.[0] ?? value?.range?.[0] ?? 0;
}
