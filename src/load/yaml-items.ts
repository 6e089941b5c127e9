import { Lexer, type LineCounter } from 'yaml';

/**
 * The most YAML items (keys, values, list entries: the lexer's tokens less spaces, line breaks, commas,
 * comments and closing brackets) a file may hold for the position-keeping parse. That parse keeps about
 * half a kilobyte per item at its peak, so this keeps a check under 1 GiB; a map grown to the 5 MB size
 * limit out of real content holds about 1.1 million, the largest examples a few thousand.
 */
export const MAX_YAML_ITEMS = 600_000;

/**
 * Where a text passes MAX_YAML_ITEMS, or undefined when it holds fewer. Streams the lexer's tokens, which
 * are dropped as they are counted: linear in time, constant in memory. A text shorter than the limit in
 * characters cannot hold that many items, and is not lexed at all.
 */
export function findItemOverflow(text: string, limit = MAX_YAML_ITEMS): number | undefined {
  if (text.length <= limit) return undefined;
  let items = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const c = token.charCodeAt(0);
    // The lexer's own markers (document start, scalar follows, flow end) are not in the text.
    if (token.length === 1 && (c === 0x02 || c === 0x18 || c === 0x1f)) continue;
    // Spaces, line breaks, comments, commas and closing brackets are not items.
    if (!(c === 32 || c === 10 || c === 13 || c === 9 || c === 35 || c === 44 || c === 93 || c === 125) && ++items > limit) return offset;
    offset += token.length;
  }
  return undefined;
}

/** Records the line starts of a text the parser never saw, so that a finding on it still has a line. */
export function countLines(text: string, lineCounter: LineCounter): void {
  lineCounter.addNewLine(0);
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) lineCounter.addNewLine(p + 1);
}
