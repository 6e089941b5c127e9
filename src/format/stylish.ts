import { Chalk } from 'chalk';
import { codeFrame, LineIndex } from './code-frame.js';
import { plural } from '../words.js';
import { countFindings, shownFindings, type Formatter } from './types.js';

/** For people: `file:line:col  severity  message  rule-id`, a code frame, then a summary line. */
export const stylish: Formatter = (reports, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  for (const report of reports) {
    const { shown, more } = shownFindings(report);
    const lines = report.source === undefined || shown.length === 0 ? undefined : new LineIndex(report.source);
    for (const f of shown) {
      const severity = f.severity === 'error' ? c.red('error') : c.yellow('warning');
      out.push(`${c.bold(`${f.file}:${f.line}:${f.column}`)}  ${severity}  ${f.message}  ${c.dim(f.ruleId)}`);
      const frame = lines === undefined ? '' : codeFrame(lines, f, { gutter: c.dim, marker: f.severity === 'error' ? c.red : c.yellow });
      if (frame) out.push(frame);
      out.push('');
    }
    if (more) out.push(`${c.bold(report.file)}  ${more}`, '');
  }
  const { errors, warnings } = countFindings(reports);
  const files = reports.length;
  const failing = reports.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
  if (errors + warnings === 0) {
    out.push(c.green(`\u2714 ${plural(files, 'map')} valid`));
  } else {
    const summary = `${errors ? '\u2716' : '\u26a0'} ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}); ${failing} of ${plural(files, 'map')} invalid`;
    out.push(errors ? c.red.bold(summary) : c.yellow.bold(summary));
  }
  return `${out.join('\n')}\n`;
};
