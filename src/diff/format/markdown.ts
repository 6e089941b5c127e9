import { mdEscape } from '../../render/escape.js';
import type { MapDiff } from '../compare.js';
import { diffLines, type DiffFormatOptions } from './text.js';

/** For a pull-request comment: a heading, then one bullet per change. */
export function diffMarkdown(diff: MapDiff, _options: DiffFormatOptions): string {
  const lines = diffLines(diff, {
    id: (s) => `\`${s}\``,
    text: mdEscape,
    mark: (_kind, s) => `**${s}**`,
    heading: (s) => `\n#### ${mdEscape(s)}\n`,
  }).map((l) => (l.startsWith('  ') ? `- ${l.trimStart()}` : l));
  const name = (side: MapDiff['old']) => `\`${side.file.replace(/`/g, "'")}\`${side.state ? ` (${side.state})` : ''}`;
  return `### Journey map changes: ${mdEscape(diff.new.title)}\n\n${name(diff.old)} \u2192 ${name(diff.new)}\n${lines.join('\n')}\n`;
}
