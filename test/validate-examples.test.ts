import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../dist/index.js';
import { root, run } from './helpers/cli.js';

const examples = readdirSync(`${root}examples`).filter((f) => f.endsWith('.journey.yaml'));
const invalid = readdirSync(`${root}examples/invalid`).filter((f) => f.endsWith('.journey.yaml'));

/** The expectation an invalid example states about itself: `# expect: LINE:COL RULE [warning]`. */
function expectation(file: string): { line: number; column: number; ruleId: string; warning: boolean } {
  const path = `${root}examples/invalid/${file}`;
  const text = existsSync(`${path}.expect`) ? readFileSync(`${path}.expect`, 'utf8') : readFileSync(path, 'utf8').split('\n')[0];
  const match = /(\d+):(\d+) ([a-z-]+)( warning)?/.exec(text);
  if (!match) throw new Error(`${file} states no expectation`);
  return { line: Number(match[1]), column: Number(match[2]), ruleId: match[3], warning: Boolean(match[4]) };
}

describe('examples', () => {
  it('has the maps the project promises', () => {
    expect(examples).toEqual(expect.arrayContaining(['knee-replacement.journey.yaml', 'knee-replacement-future.journey.yaml', 'bank-account-opening.journey.yaml']));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(invalid.length).toBeGreaterThanOrEqual(20);
  });

  it.each(examples)('%s validates with no error and no warning', (file) => {
    const result = run(['validate', `examples/${file}`, '--max-warnings', '0']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('\u2714 1 map valid\n');
    expect(result.status).toBe(0);
  });

  it.each(examples)('%s starts with the yaml-language-server schema line', (file) => {
    expect(readFileSync(`${root}examples/${file}`, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/journeymap.schema.json');
  });

  it('the knee replacement map follows the six patient-journey stages', async () => {
    const result = run(['validate', 'examples/knee-replacement.journey.yaml', '--format', 'json']);
    expect(JSON.parse(result.stdout).valid).toBe(true);
    const { map } = await loadMap(`${root}examples/knee-replacement.journey.yaml`);
    expect(map?.stages.map((s) => s.name)).toEqual(['Awareness', 'Help', 'Care', 'Treatment', 'Behavioral/Lifestyle Change', 'Ongoing Care/Proactive Health']);
  });
});

describe('invalid examples', () => {
  it.each(invalid)('%s fails with its expected first finding', (file) => {
    const want = expectation(file);
    const result = run(['validate', `examples/invalid/${file}`, '--format', 'json']);
    const report = JSON.parse(result.stdout);
    const first = report.files[0].findings[0];
    expect({ line: first.line, column: first.column, ruleId: first.ruleId }).toEqual({ line: want.line, column: want.column, ruleId: want.ruleId });
    expect(first.severity).toBe(want.warning ? 'warning' : 'error');
    expect(result.status).toBe(want.warning ? 0 : 1);
    if (want.warning) expect(run(['validate', `examples/invalid/${file}`, '--max-warnings', '0']).status).toBe(1);
  });

  it('prints each finding as file:line:col  severity  message  rule-id with a code frame', () => {
    const result = run(['validate', 'examples/invalid/unresolved-reference-stage.journey.yaml']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^examples\/invalid\/unresolved-reference-stage\.journey\.yaml:17:12 {2}error {2}unknown stage `treatmnet`; did you mean `treatment`\? {2}unresolved-reference$/m);
    expect(result.stdout).toMatch(/^> 17 \| {5}stage: treatmnet$/m);
    expect(result.stdout).toMatch(/^ {5}\| {12}\^{9}$/m);
  });

  it('names the closest known key for an unknown key', () => {
    const result = run(['validate', 'examples/invalid/unknown-property-chanel.journey.yaml']);
    expect(result.stdout).toContain('unknown property `chanel` at the top of the map; did you mean `channels`?');
  });

  it('checks a whole folder and reports every invalid map', () => {
    const result = run(['validate', 'examples/invalid', '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(result.status).toBe(1);
    expect(report.files.length).toBe(invalid.length);
    expect(report.files.filter((f: { valid: boolean }) => !f.valid).length).toBe(invalid.filter((f) => !expectation(f).warning).length);
  });
});
