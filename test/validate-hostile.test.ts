import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jm-hostile-'));
const header = 'journeymap: 1\ntitle: Hostile\nstages:\n  - id: a\n    name: A\n';

function billionLaughs(): string {
  const lines = ['journeymap: 1', 'title: Laughs', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  lines.push('stages: *a9');
  return `${lines.join('\n')}\n`;
}

/** Each hostile input, with the line and column its first error must point at and the rule it must name. */
const cases: { name: string; content: string | Buffer; line: number; column: number; ruleId: string }[] = [
  { name: 'malformed', content: `${header}    touchpoints: [unclosed\n`, line: 6, column: 18, ruleId: 'yaml-syntax' },
  { name: 'duplicate-keys', content: `${header}    name: B\n`, line: 6, column: 5, ruleId: 'duplicate-key' },
  { name: 'top-level-list', content: '- journeymap: 1\n- title: x\n', line: 1, column: 1, ruleId: 'not-a-map' },
  { name: 'top-level-scalar', content: 'just a sentence\n', line: 1, column: 1, ruleId: 'not-a-map' },
  { name: 'empty', content: '', line: 1, column: 1, ruleId: 'empty-file' },
  { name: 'comments-only', content: '# nothing here\n# yet\n', line: 1, column: 1, ruleId: 'empty-file' },
  { name: 'not-utf8', content: Buffer.concat([Buffer.from('journeymap: 1\ntitle: caf'), Buffer.from([0xe9, 0x20, 0xff]), Buffer.from('\n')]), line: 2, column: 11, ruleId: 'file-encoding' },
  { name: 'utf16', content: Buffer.from('\ufeffjourneymap: 1\n', 'utf16le'), line: 1, column: 1, ruleId: 'file-encoding' },
  { name: 'nul-bytes', content: Buffer.from('journeymap: 1\ntitle: a\0b\n'), line: 2, column: 9, ruleId: 'file-encoding' },
  { name: 'billion-laughs', content: billionLaughs(), line: 4, column: 10, ruleId: 'alias-limit' },
  // The top-level mapping is level 1, so the 64th bracket or `- ` below `stages:` is the first collection too deep.
  { name: 'deep-flow-nesting', content: `journeymap: 1\ntitle: Deep\nstages: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, line: 3, column: 72, ruleId: 'nesting-depth' },
  { name: 'deep-map-nesting', content: `journeymap: 1\ntitle: Deep\nstages: ${'{a: '.repeat(20000)}1${'}'.repeat(20000)}\n`, line: 3, column: 261, ruleId: 'nesting-depth' },
  { name: 'control-character', content: `journeymap: 1\ntitle: Fine\ndescription: "fine, then \\x01"\nstages: []\n`, line: 3, column: 14, ruleId: 'invalid-character' },
  { name: 'noncharacter', content: `journeymap: 1\ntitle: "x\\uFFFF"\nstages: []\n`, line: 2, column: 8, ruleId: 'invalid-character' },
  { name: 'collection-key', content: `${header}    ? [a, b]\n    : c\n`, line: 6, column: 7, ruleId: 'yaml-syntax' },
  { name: 'deep-block-nesting', content: `journeymap: 1\ntitle: Deep\nstages:\n${'- '.repeat(20000)}x\n`, line: 4, column: 127, ruleId: 'nesting-depth' },
];

describe('hostile input is an ordinary, located error', () => {
  it.each(cases)('$name', ({ name, content, line, column, ruleId }) => {
    const file = join(dir, `${name}.journey.yaml`);
    writeFileSync(file, content);
    const result = run(['validate', file, '--format', 'json'], { timeout: 60_000 });
    // Nothing on stderr: no Node warning either (the yaml package warns of collection keys itself).
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const first = JSON.parse(result.stdout).files[0].findings[0];
    expect({ line: first.line, column: first.column, ruleId: first.ruleId }).toEqual({ line, column, ruleId });
    const human = run(['validate', file]);
    expect(human.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:${column} {2}error {2}`, 'm'));
    expect(human.stdout + human.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it('refuses a 50 MB file with a clear message, from a file and from stdin', () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 'a');
    big.write('journeymap: 1\ntitle: ');
    const file = join(dir, 'huge.journey.yaml');
    writeFileSync(file, big);
    const result = run(['validate', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${file}:1:1  error  the file is 50.0 MB, over the 5.0 MB limit for a journey map  file-too-large`);
    const piped = run(['validate', '-'], { input: big });
    expect(piped.status).toBe(1);
    expect(piped.stdout).toContain('file-too-large');
  });

  it('does not let an unknown key named __proto__ change anything', () => {
    const file = join(dir, 'proto.journey.yaml');
    writeFileSync(file, `${header}    __proto__: {polluted: true}\n`);
    const result = run(['validate', file, '--format', 'json']);
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout).files[0].findings;
    expect(findings).toContainEqual(expect.objectContaining({ line: 6, column: 5, ruleId: 'unknown-property', message: expect.stringContaining('`__proto__`') }));
  });

  it('keeps the SVG and HTML well-formed when invalid-character is turned off', () => {
    const sub = mkdtempSync(join(dir, 'off-'));
    writeFileSync(join(sub, 'journeymap.config.yaml'), 'rules:\n  invalid-character: off\n');
    writeFileSync(join(sub, 'map.journey.yaml'), 'journeymap: 1\ntitle: "A\\x01B\\uFFFF\\u0085"\nstages:\n  - id: a\n    name: "x\\x1b[31m"\n    touchpoints:\n      - {id: t, name: T, channel: web}\n');
    const result = run(['build', 'map.journey.yaml', '--format', 'svg,html', '--no-cache'], { cwd: sub });
    expect(result.status, result.stderr).toBe(0);
    for (const out of ['map.svg', 'map.html']) {
      const text = readFileSync(join(sub, out), 'utf8');
      expect(text).not.toMatch(/[\x01\x1b\uffff\u0085]/);
      expect(text).toContain('A\ufffdB\ufffd\ufffd');
    }
    const lint = spawnSync('xmllint', ['--noout', join(sub, 'map.svg')], { encoding: 'utf8' });
    expect(lint.status, lint.stderr).toBe(0);
  });
});
