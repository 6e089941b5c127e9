import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeRules } from '../src/analyze/rules.js';
import { rules as validateRules } from '../src/validate/rules.js';
import { root, run } from './helpers/cli.js';

/** Microsoft's SARIF Multitool, from the peer tools in bench/ (installed by `.ci/run`, or here when missing). */
const multitool = join(root, 'bench', 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');

beforeAll(() => {
  if (existsSync(multitool)) return;
  execFileSync('npm', ['--prefix', join(root, 'bench'), 'ci', '--no-audit', '--no-fund'], { stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
}, 600_000);

interface SarifLog {
  runs: { tool: { driver: { rules: { id: string; fullDescription?: { text: string }; help?: { text: string }; helpUri?: string }[] } }; results: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }[] }[];
}

/** The errors the Multitool's SARIF and GitHub ingestion rules find in `log`, as `RULE: message` lines. */
function multitoolErrors(log: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'jm-sarif-'));
  const input = join(dir, 'input.sarif');
  const output = join(dir, 'output.sarif');
  writeFileSync(input, log);
  const r = spawnSync(multitool, ['validate', '--rule-kind', 'Sarif;Gh', '--output', output, input], { encoding: 'utf8', timeout: 300_000, env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
  expect(existsSync(output), `${r.stdout}\n${r.stderr}`).toBe(true);
  const report = JSON.parse(readFileSync(output, 'utf8')) as SarifLog;
  return report.runs.flatMap((run) => run.results.filter((res) => res.level === 'error').map((res) => `${res.ruleId}: ${res.message.text ?? `${res.message.id} ${res.message.arguments?.join(' ')}`}`));
}

/** Sections of a page of docs/, by the anchors GitHub gives `### id` headings. */
function anchors(page: string): Set<string> {
  return new Set([...readFileSync(join(root, 'docs', page), 'utf8').matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1].trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
}

/** Every rule of a log has a full description and help, in text and with a link to its section of docs/. */
function expectDescribed(log: SarifLog, page: string, ids: string[]) {
  const described = log.runs[0].tool.driver.rules;
  expect(described.map((r) => r.id)).toEqual(ids);
  const sections = anchors(page);
  for (const rule of described) {
    expect(rule.fullDescription?.text, rule.id).toBeTruthy();
    expect(rule.help?.text, rule.id).toContain(`https://journeymap.dev/docs/${page}#${rule.id}`);
    expect(rule.helpUri).toBe(`https://journeymap.dev/docs/${page}#${rule.id}`);
    expect(sections.has(rule.id), `docs/${page} has no section ${rule.id}`).toBe(true);
  }
}

describe('SARIF passes the SARIF Multitool with GitHub ingestion rules', () => {
  it('validate: every rule described, no error, for a valid and an invalid map', () => {
    const r = run(['validate', 'examples/knee-replacement.journey.yaml', 'examples/invalid/duplicate-id.journey.yaml', 'examples/invalid/unresolved-reference-stage.journey.yaml', '--format', 'sarif']);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    expectDescribed(log, 'rules.md', Object.keys(validateRules));
    expect(multitoolErrors(r.stdout)).toEqual([]);
  }, 600_000);

  it('analyze: every rule described, no error, for the examples and a map where every outreach rule fires', () => {
    const r = run(['analyze', 'examples/knee-replacement.journey.yaml', 'examples/bank-account-opening.journey.yaml', 'test/fixtures/analyze/outreach-rules.journey.yaml', '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as SarifLog;
    const fired = new Set(log.runs[0].results.map((res) => res.ruleId));
    for (const id of ['contact-hole', 'healthcare-exemption-purpose', 'healthcare-exemption-frequency', 'marketing-consent', 'purpose-missing', 'contact-frequency', 'phi-in-text']) expect(fired, id).toContain(id);
    expectDescribed(log, 'analysis.md', Object.keys(analyzeRules));
    expect(multitoolErrors(r.stdout)).toEqual([]);
  }, 600_000);

  it('the Multitool finds what it should: a rule without fullDescription and help is an error', () => {
    const r = run(['validate', 'examples/invalid/duplicate-id.journey.yaml', '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: Record<string, unknown>[] } } }[] };
    for (const rule of log.runs[0].tool.driver.rules) {
      delete rule.fullDescription;
      delete rule.help;
    }
    expect(multitoolErrors(JSON.stringify(log)).filter((e) => e.startsWith('GH2012')).length).toBe(2 * Object.keys(validateRules).length);
  }, 600_000);
});
