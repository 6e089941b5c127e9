import { escapeHtml as esc } from '../escape.js';
import { wrap } from '../layout/text.js';

export { esc };

/** Rounds a coordinate so output stays small and identical across runs. */
export const n = (v: number): string => String(Math.round(v * 10) / 10);

export interface TextStyle {
  size: number;
  fill: string;
  bold?: boolean;
  italic?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  /** Letter-spaced small capitals labels. */
  caps?: boolean;
  /** The letter spacing of small capitals, for text already written in capitals where it should be. */
  letterSpacing?: boolean;
  lineHeight?: number;
}

function attrs(style: TextStyle): string {
  let a = ` font-size="${style.size}" fill="${style.fill}"`;
  if (style.bold) a += ' font-weight="700"';
  if (style.italic) a += ' font-style="italic"';
  if (style.anchor && style.anchor !== 'start') a += ` text-anchor="${style.anchor}"`;
  if (style.caps || style.letterSpacing) a += ' letter-spacing="0.6"';
  return a;
}

/** One line of text, never wrapped: for labels whose width the caller has checked. */
export function text(x: number, y: number, content: string, style: TextStyle): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs(style)}>${esc(style.caps ? content.toUpperCase() : content)}</text>`;
}

export interface Block {
  svg: string;
  height: number;
  lines: string[];
}

/**
 * Text wrapped to `width` by the font's metrics, first baseline at `y + size`. When cut at `maxLines`
 * the block carries the full text in a `<title>`, so nothing is lost, only folded.
 */
export function paragraph(x: number, y: number, content: string, width: number, style: TextStyle, maxLines = Infinity): Block {
  const caps = style.caps ? content.toUpperCase() : content;
  // Letter-spacing is not in the font tables: give caps labels the room it takes.
  const { lines, truncated } = wrap(caps, style.caps ? width - caps.length * 0.6 : width, style.size, { bold: style.bold, maxLines });
  const lh = style.lineHeight ?? Math.round(style.size * 1.3 * 10) / 10;
  const body = lines.map((line, i) => `<text x="${n(x)}" y="${n(y + style.size + i * lh)}"${attrs(style)}>${esc(line)}</text>`).join('');
  const svg = truncated ? `<g><title>${esc(content)}</title>${body}</g>` : body;
  return { svg, height: lines.length ? style.size * 0.3 + lines.length * lh : 0, lines };
}

export function rect(x: number, y: number, w: number, h: number, fill: string, extra = ''): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${fill}"${extra}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1, extra = ''): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="${width}"${extra}/>`;
}

/** A channel or UI icon from the symbols in `<defs>`, stroked in `colour`. */
export function icon(id: string, x: number, y: number, size: number, colour: string): string {
  return `<use href="#jm-${id}" x="${n(x)}" y="${n(y)}" width="${size}" height="${size}" stroke="${colour}"/>`;
}
