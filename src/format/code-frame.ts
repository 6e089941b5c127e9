import type { Finding } from '../validate/finding.js';

export interface FrameStyle {
  gutter: (s: string) => string;
  marker: (s: string) => string;
}

const plain: FrameStyle = { gutter: (s) => s, marker: (s) => s };

/** The offending line with one line of context each side and a caret run under the finding. */
export function codeFrame(source: string, finding: Finding, style: FrameStyle = plain): string {
  const lines = source.split(/\r?\n/);
  const index = finding.line - 1;
  if (index < 0 || index >= lines.length) return '';
  const first = Math.max(0, index - 1);
  const last = Math.min(lines.length - 1, index + 1);
  const width = String(last + 1).length;
  const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}...` : text);
  const out: string[] = [];
  for (let i = first; i <= last; i++) {
    const number = String(i + 1).padStart(width);
    const mark = i === index ? '>' : ' ';
    out.push(`${style.gutter(`${mark} ${number} |`)} ${clip(lines[i]).replace(/\t/g, ' ')}`);
    if (i === index) {
      const line = lines[i];
      const start = Math.min(finding.column - 1, line.length);
      const end = finding.endLine === finding.line ? Math.min(finding.endColumn - 1, line.length) : line.trimEnd().length;
      const length = Math.max(1, Math.min(end - start, 160 - start));
      out.push(`${style.gutter(`  ${' '.repeat(width)} |`)} ${' '.repeat(Math.min(start, 157))}${style.marker('^'.repeat(length))}`);
    }
  }
  return out.join('\n');
}
