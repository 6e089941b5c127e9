import { shownFindings, type Formatter } from './types.js';

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's line, up to
 * the cap per file; a notice on the file says how many more there are.
 */
export const github: Formatter = (reports) => {
  const out: string[] = [];
  for (const report of reports) {
    const { shown, more } = shownFindings(report);
    for (const f of shown) {
      const props = [`file=${property(f.file)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${property(`journeymap ${f.ruleId}`)}`];
      out.push(`::${f.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${data(`${f.message} (${f.ruleId})`)}`);
    }
    if (more) out.push(`::notice file=${property(report.file)},title=journeymap::${data(more)}`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
};

/** Escaping of a command's message, as the Actions runner reads it. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values, where `:` and `,` are separators too. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
