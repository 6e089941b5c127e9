import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './cli.js';

export const exampleDir = join(root, 'examples');
/** The example maps present in this checkout (more may arrive; each is checked the same way). */
export const examples = readdirSync(exampleDir).filter((f) => f.endsWith('.journey.yaml')).sort();
export const exampleFiles = examples.map((e) => join(exampleDir, e));
export const fixture = (name: string) => join(root, 'test/fixtures/render', name);
export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `jm-${prefix}-`));

/** Renders an SVG file to PNG with librsvg; returns its exit status and stderr. */
export function rsvg(svgFile: string, pngFile: string): { status: number | null; stderr: string } {
  const result = spawnSync('rsvg-convert', ['-o', pngFile, svgFile], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

/** The text content of every `<text>` element of an SVG, unescaped. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => unescapeXml(m[1]));
}

export function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&amp;/g, '&');
}
