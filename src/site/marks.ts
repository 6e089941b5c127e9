import type { Palette } from '../render/layout/theme.js';
import { severityMark as mapSeverityMark } from '../render/svg/marks.js';
import type { Severity } from '../model/types.js';

/** A palette colour as CSS: the print theme's `none` (no toner) is `transparent`. */
export function css(colour: string): string {
  return colour === 'none' ? 'transparent' : colour;
}

/**
 * A gap's severity drawn as the map draws it (the SVG renderer's own mark): its shape (octagon, triangle,
 * diamond, open circle) in its colour, so that greyscale print and colour-blind readers still tell them
 * apart. Decorative: the word is always written beside it.
 */
export function severityMark(severity: Severity, palette: Palette): string {
  return `<svg class="mark" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">${mapSeverityMark(severity, 0, 0, 16, palette)}</svg>`;
}

/**
 * An emotion as the map's curve marks it: a dot in the emotion's colour, hollow at neutral. Decorative:
 * the value and its word are written beside it.
 */
export function emotionMark(value: number, palette: Palette): string {
  const colour = palette.emotion[value + 2];
  const dot = value === 0 ? `<circle cx="8" cy="8" r="5.2" fill="none" stroke="${colour}" stroke-width="2"/>` : `<circle cx="8" cy="8" r="6" fill="${colour}"/>`;
  return `<svg class="mark" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">${dot}</svg>`;
}
