import type { Severity } from '../../model/types.js';
import { severityShapes } from '../layout/icons.js';
import type { Palette } from '../layout/theme.js';
import { n } from './draw.js';

/** The severity's shape, drawn at (x, y) in a `size` box: filled with a white mark, or an open ring. */
export function severityMark(severity: Severity, x: number, y: number, size: number, palette: Palette): string {
  const s = severityShapes[severity];
  const colour = palette.severity[severity];
  const k = size / 16;
  const shape = s.filled ? `<path d="${s.shape}" fill="${colour}"/>` : `<path d="${s.shape}" fill="${palette.paper}" stroke="${colour}" stroke-width="2"/>`;
  const mark = s.mark ? `<path d="${s.mark}" stroke="#FFFFFF" stroke-width="2" stroke-linecap="round" fill="none"/>` : '';
  return `<g transform="translate(${n(x)} ${n(y)}) scale(${Math.round(k * 1000) / 1000})">${shape}${mark}</g>`;
}
