import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, run } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jm-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The findings `validate --format json` gives for a map written from `text`. */
function findings(name: string, text: string): { line: number; column: number; ruleId: string; message: string; severity: string }[] {
  const file = join(dir, `${name}.journey.yaml`);
  writeFileSync(file, text);
  const result = run(['validate', file, '--format', 'json']);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout).files[0].findings;
}

const map = (touchpoint: string, extra = '') =>
  `journeymap: 1\ntitle: Messages\nstages:\n  - id: lifestyle-change\n    name: Lifestyle change\n    touchpoints:\n      - ${touchpoint}\n${extra}`;

describe('messages a patient-experience analyst understands', () => {
  it('suggests an id the value begins, or shares a word with, not only one a typo away', () => {
    const [finding] = findings('stage-prefix', map('{id: t, name: T, channel: web}', 'gaps:\n  - {id: g, title: G, stage: lifestyle, opportunity: O}\n'));
    expect(finding).toMatchObject({ line: 9, ruleId: 'unresolved-reference' });
    expect(finding.message).toContain('unknown stage `lifestyle`; did you mean `lifestyle-change`?');
  });

  it('names the built-in channels, and suggests sms for text', () => {
    const [finding] = findings('channel-text', map('{id: t, name: T, channel: text}'));
    expect(finding.message).toContain('unknown channel `text`; did you mean `sms`?');
    expect(finding.message).toContain('the built-in channels are web, search, social, email, sms, phone');
  });

  it('says what a number with a fraction is, not "a number"', () => {
    const [finding] = findings('emotion-fraction', map('{id: t, name: T, channel: web, emotion: 1.5}'));
    expect(finding.message).toBe('`emotion` must be a whole number, not 1.5');
  });

  it('calls a file of comments a file of comments', () => {
    const [finding] = findings('comments', '# the knee map goes here\n');
    expect(finding).toMatchObject({ ruleId: 'empty-file', message: 'the file holds only comments: a map starts with `journeymap: 1`' });
  });

  it('counts one warning as one warning', () => {
    const file = join(dir, 'one-warning.journey.yaml');
    writeFileSync(file, map('{id: t, name: T, channel: web}', 'gaps:\n  - {id: g, title: G, stage: lifestyle-change}\n'));
    const result = run(['validate', file, '--max-warnings', '0']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('journeymap: 1 warning, more than --max-warnings 0');
  });

  it('explains how maps are named when a folder holds YAML under another name', () => {
    const folder = join(dir, 'named');
    mkdirSync(folder);
    copyFileSync(join(root, 'examples/cardiac-rehab.journey.yaml'), join(folder, 'cardiac.yaml'));
    const result = run(['validate', folder]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cardiac.yaml is YAML, but a folder is searched for maps named *.journey.yaml: rename it');
    expect(run(['validate', join(folder, 'cardiac.yaml')]).status).toBe(0);
  });
});
