/** A stretch of the source text, as offsets: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

interface Entry {
  key?: Span;
  value?: Span;
}

/**
 * Where the fast parse (fast-yaml.ts) read each key and value, by the object or array that holds it: the
 * positions of a map whose data came from the fast parse, so that its findings can be located without the
 * full parse. It keeps only spans equal to yaml's node ranges: keys, scalars written on one line, flow
 * collections and their items. A block collection, a block scalar or an empty value has no span here; a
 * finding that points at one is located by the full parse (test/fast-positions.test.ts checks both agree).
 */
export class SourceSpans {
  private readonly table = new WeakMap<object, Map<string | number, Entry>>();

  set(container: object, segment: string | number, key: Span | undefined, value: Span | undefined): void {
    if (!key && !value) return;
    this.entries(container).set(segment, { key, value });
  }

  setKey(container: object, segment: string | number, key: Span): void {
    const entries = this.entries(container);
    entries.set(segment, { ...entries.get(segment), key });
  }

  get(container: object, segment: string | number): Entry | undefined {
    return this.table.get(container)?.get(segment);
  }

  private entries(container: object): Map<string | number, Entry> {
    let entries = this.table.get(container);
    if (!entries) this.table.set(container, (entries = new Map()));
    return entries;
  }
}
