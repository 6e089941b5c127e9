import { plural } from '../../words.js';
import type { PersonaView } from '../view/types.js';

/**
 * How the print-dense HTML (PDF and PNG) differs from the screen page: fewer quotes per stage, persona
 * one-liners, chevrons as SVG. What is left out is counted on the sheet and printed in full on the notes
 * sheet after it (print-notes.ts), never dropped.
 */
export const PRINT_LIMITS = { thoughts: 2, painPoints: 3, metrics: 4 } as const;

const NOUNS = { thoughts: 'thought', painPoints: 'pain point', metrics: 'metric' } as const;

/** A lane cell cut to the print limit, with a line saying how many more the notes sheet holds. */
export function limitForPrint<C extends { items: unknown[] }>(cell: C, key: keyof typeof PRINT_LIMITS): C & { more?: string } {
  const limit = PRINT_LIMITS[key];
  const hidden = cell.items.length - limit;
  if (hidden <= 0) return cell;
  return { ...cell, items: cell.items.slice(0, limit), more: `+${plural(hidden, `more ${NOUNS[key]}`)} on the notes sheet` };
}

/** A persona on one line: name, age and who they are; the quote and goals go to the notes sheet. */
export function printPersona(p: PersonaView) {
  return { name: p.name, age: p.age, description: p.description, quote: undefined, goals: [] as string[] };
}

/**
 * The stage head's arrow as polygon points in a box `width - 4` px wide and 40 tall (stretched to the
 * head's height): an inline SVG prints far faster than a CSS clip-path in Chromium's PDF path.
 */
export function chevronPoints(width: number, first: boolean): string {
  const w = width - 4;
  const tail = first ? '0,40' : '0,40 10,20';
  return `0,0 ${w - 12},0 ${w},20 ${w - 12},40 ${tail}`;
}
