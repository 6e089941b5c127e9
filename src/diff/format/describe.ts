import type { FieldChange, MapDiff } from '../compare.js';

/** A value short enough to show inline, or undefined when only the field's name is worth showing. */
export function shortValue(value: unknown): string | undefined {
  if (value === undefined) return '(none)';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.length <= 48 ? JSON.stringify(value) : undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string') && value.join(', ').length <= 48) return `[${value.join(', ')}]`;
  return undefined;
}

/** `emotion: -1 → 0, description, thoughts`: values where they fit, names where they do not. */
export function describeFields(fields: FieldChange[]): string {
  return fields
    .map((f) => {
      const a = shortValue(f.old);
      const b = shortValue(f.new);
      return a !== undefined && b !== undefined ? `${f.field}: ${a} \u2192 ${b}` : f.field;
    })
    .join(', ');
}

/** An emotion as the map writes it, on its scale of -2..2: `-2`, `0`, `+1`. */
export function emotionValue(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** A difference: `+3`, `\u22121`, `\u00b10`. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${Math.abs(n)}` : '\u00b10';
}

export function stageNames(diff: MapDiff): Map<string, string> {
  return new Map(diff.stages.map((s) => [s.id, s.name]));
}
