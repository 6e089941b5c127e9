import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The starter maps `journeymap init` can write, each a commented map that validates. */
export const INIT_TEMPLATES = ['patient', 'customer', 'blank'] as const;
export type InitTemplate = (typeof INIT_TEMPLATES)[number];

/** The file `init` writes when none is named. */
export const DEFAULT_INIT_FILE = 'map.journey.yaml';

/**
 * The text of a starter map, its comments naming `file` in the commands they suggest. The first line is
 * the `yaml-language-server` schema comment, so editors with the YAML extension complete and check it.
 */
export async function starterMap(template: InitTemplate, file: string = DEFAULT_INIT_FILE): Promise<string> {
  const text = readFileSync(new URL(`../../templates/init/${template}.journey.yaml`, import.meta.url), 'utf8');
  const name = file === '-' ? DEFAULT_INIT_FILE : basename(file);
  // A file name with spaces must be quoted for the shell commands in the comments to work as written.
  return text.replaceAll('{{file}}', /^[\w.\-/]+$/.test(name) ? name : `"${name.replace(/"/g, '\\"')}"`);
}

/** The map file a name stands for: `knee` becomes `knee.journey.yaml`; names with a YAML extension stay. */
export function mapFileName(name: string): string {
  return /\.ya?ml$/i.test(name) || name === '-' ? name : `${name}.journey.yaml`;
}
