import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The starter maps `journeymap init` can write, each a commented map that validates. */
export const INIT_TEMPLATES = ['patient', 'customer', 'blank'] as const;
export type InitTemplate = (typeof INIT_TEMPLATES)[number];

/** The file `init` writes when none is named. */
export const DEFAULT_INIT_FILE = 'map.journey.yaml';

/** What the comments call a map written to standard output, whose file name is not known. */
export const UNNAMED_FILE = '<file>';

/**
 * The text of a starter map, its comments naming `file` in the commands they suggest (`-`, standard
 * output, names none: `shownName` is then the file that standard output goes to, if known). The first
 * line is the `yaml-language-server` schema comment, so editors with the YAML extension complete and check it.
 */
export async function starterMap(template: InitTemplate, file: string = DEFAULT_INIT_FILE, shownName?: string): Promise<string> {
  const text = readFileSync(new URL(`../../templates/init/${template}.journey.yaml`, import.meta.url), 'utf8');
  const name = file === '-' ? shownName : basename(file);
  // A file name with spaces must be quoted for the shell commands in the comments to work as written.
  const shown = name === undefined ? UNNAMED_FILE : /^[\w.\-/]+$/.test(name) ? name : `"${name.replace(/"/g, '\\"')}"`;
  return alignCommands(text.replaceAll('{{file}}', shown));
}

/**
 * Lines up what the header's suggested commands do (`#   journeymap validate knee.journey.yaml   check it`):
 * the file name's length varies, so the column is set once it is known.
 */
function alignCommands(text: string): string {
  const command = /^(# {3}journeymap \S.*?) {2,}(\S.*)$/;
  const lines = text.split('\n');
  const width = Math.max(0, ...lines.map((line) => command.exec(line)?.[1].length ?? 0));
  return lines.map((line) => line.replace(command, (_, run: string, what: string) => `${run.padEnd(width)}   ${what}`)).join('\n');
}

/** The map file a name stands for: `knee` becomes `knee.journey.yaml`; names with a YAML extension stay. */
export function mapFileName(name: string): string {
  return /\.ya?ml$/i.test(name) || name === '-' ? name : `${name}.journey.yaml`;
}
