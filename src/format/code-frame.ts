import type { Finding } from '../validate/finding.js';

export interface FrameStyle {
  gutter: (s: string) => string;
  marker: (s: string) => string;
}

const plain: FrameStyle = { gutter: (s) => s, marker: (s) => s };

/**
 * A file's line starts, found once: each code frame then takes its three lines in constant time, where
 * splitting the text for every finding made a report quadratic in the size of the file.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) this.starts.push(p + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  /** Line `index` (0-based), without its line break. */
  line(index: number): string {
    const start = this.starts[index];
    if (index + 1 === this.starts.length) return this.text.slice(start);
    const end = this.starts[index + 1] - 1;
    return this.text.slice(start, end > start && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end);
  }
}

/** The offending line with one line of context each side and a caret run under the finding. */
export function codeFrame(lines: LineIndex, finding: Finding, style: FrameStyle = plain): string {
  const index = finding.line - 1;
  if (index < 0 || index >= lines.count) return '';
  const first = Math.max(0, index - 1);
  const last = Math.min(lines.count - 1, index + 1);
  const width = String(last + 1).length;
  const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}...` : text);
  const out: string[] = [];
  for (let i = first; i <= last; i++) {
    const line = lines.line(i);
    const number = String(i + 1).padStart(width);
    const mark = i === index ? '>' : ' ';
    out.push(`${style.gutter(`${mark} ${number} |`)} ${clip(line).replace(/\t/g, ' ')}`);
    if (i === index) {
      const start = Math.min(finding.column - 1, line.length);
      const end = finding.endLine === finding.line ? Math.min(finding.endColumn - 1, line.length) : line.trimEnd().length;
      const length = Math.max(1, Math.min(end - start, 160 - start));
      out.push(`${style.gutter(`  ${' '.repeat(width)} |`)} ${' '.repeat(Math.min(start, 157))}${style.marker('^'.repeat(length))}`);
    }
  }
  return out.join('\n');
}
