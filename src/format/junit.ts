import { countFindings, type Formatter } from './types.js';

/** JUnit XML: a suite per file, a failing case per finding, and a passing case for clean files. */
export const junit: Formatter = (reports) => {
  const totals = countFindings(reports);
  const suites = reports.map((r) => {
    const { errors, warnings } = countFindings([r]);
    const cases = r.findings.length
      ? r.findings.map((f) => {
          const name = `${f.ruleId} at ${f.line}:${f.column}`;
          return `    <testcase classname="${xml(r.file)}" name="${xml(name)}">\n      <failure type="${f.severity}" message="${xml(f.message)}">${xml(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`)}</failure>\n    </testcase>`;
        })
      : [`    <testcase classname="${xml(r.file)}" name="valid journey map"/>`];
    return `  <testsuite name="${xml(r.file)}" tests="${Math.max(1, r.findings.length)}" failures="${errors + warnings}" errors="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const tests = reports.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="journeymap" tests="${tests}" failures="${totals.errors + totals.warnings}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
};

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
