import { countBySeverity, type Analysis } from '../index.js';
import { mdEscape } from '../../render/escape.js';
import { plural } from '../../words.js';
import { abbreviate, contactLine, gapLines, type AnalyzeFormatOptions } from './text.js';

/** For a pull-request comment or a wiki page. */
export function analyzeMarkdown(analyses: Analysis[], _options: AnalyzeFormatOptions): string {
  const out: string[] = [];
  for (const a of analyses) {
    out.push(`## ${mdEscape(a.title)}${a.state ? ` (${a.state} state)` : ''}`, '', `\`${a.file.replace(/`/g, "'")}\``, '');
    if (a.findings.length) {
      out.push('| Line | Severity | Finding | Rule |', '|---:|---|---|---|');
      for (const f of a.findings) out.push(`| ${f.line} | ${f.severity} | ${mdEscape(f.message)} | \`${f.ruleId}\` |`);
    } else out.push('No findings.');
    out.push('', '### Channels by stage', '', `| Channel | ${a.coverage.stages.map((s) => mdEscape(abbreviate(s.name))).join(' | ')} |`, `|---|${a.coverage.stages.map(() => '---:').join('|')}|`);
    for (const r of a.coverage.channels) out.push(`| ${mdEscape(r.name)}${r.stages === 1 ? ' \\*' : ''} | ${r.cells.map((c) => (c.touchpoints + c.outreach ? String(c.touchpoints + c.outreach) : '')).join(' | ')} |`);
    if (a.coverage.channels.some((r) => r.stages === 1)) out.push('', '\\* in one stage only');
    out.push('', '### Contact holes', '', mdEscape(contactLine(a)), '', '### Gaps', '', ...gapLines(a).map((l) => `- ${mdEscape(l)}`), '');
  }
  const n = countBySeverity(analyses);
  out.push(`**${n.error + n.warning + n.info} findings** (${n.error} errors, ${n.warning} warnings, ${n.info} info) in ${plural(analyses.length, 'map')}.`);
  return `${out.join('\n')}\n`;
}
