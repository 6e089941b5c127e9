/**
 * The most YAML items (keys, values, list entries: the lexer's lexemes less spaces, line breaks, commas,
 * comments and closing brackets) a file may hold for the position-keeping parse. That parse keeps up to a
 * kilobyte per item at its peak: at this limit the built CLI peaks at 390-690 MB on the densest files
 * (5 MB of `k1: 1` lines, of `- ` lines, of `[a,a,...]`), whatever the report format. A map of real content
 * holds about 70,000 items a megabyte (350,000 at the 5 MB size limit); the largest examples a few thousand.
 */
export const MAX_YAML_ITEMS = 600_000;

/** Counts the items among yaml's lexemes as they stream past, and knows where the count passes the limit. */
export class ItemCounter {
  private items = 0;
  /** Where in the text the lexeme last counted starts. */
  offset = 0;
  private next = 0;

  constructor(private readonly limit = MAX_YAML_ITEMS) {}

  /** Counts one lexeme; true once the items pass the limit, `offset` then being where that item starts. */
  add(lexeme: string): boolean {
    const c = lexeme.charCodeAt(0);
    // The lexer's own markers (document start, scalar follows, flow end) are not in the text.
    if (lexeme.length === 1 && (c === 0x02 || c === 0x18 || c === 0x1f)) return false;
    this.offset = this.next;
    this.next += lexeme.length;
    // Spaces, line breaks, comments, commas and closing brackets are not items.
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 35 || c === 44 || c === 93 || c === 125) return false;
    return ++this.items > this.limit;
  }
}
