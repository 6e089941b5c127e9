import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWithPositions } from '../dist/load/parse.js';
import { root, run } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jm-yaml-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const examples = ['knee-replacement', 'cardiac-rehab', 'maternity', 'bank-account-opening', 'knee-replacement-future'].map((name) => readFileSync(join(root, `examples/${name}.journey.yaml`), 'utf8'));
const knee = examples[0].split('\n');

/** Words of YAML's grammar that an analyst cannot act on. */
const JARGON = /implicit|compact|flow (sequence|map)|indicator|scalar|token|node end|block sequence|mapping items|sequence items|props|directive/i;

/** The YAML findings of a text, each with its 1-based line. */
function yamlFindings(text: string): { line: number; message: string; ruleId: string }[] {
  return parseWithPositions(text)
    .findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'duplicate-key')
    .map((f) => ({ line: text.slice(0, f.offset).split('\n').length, message: f.message, ruleId: f.ruleId }));
}

/** `validate --format json` of the knee example with its line `line` (1-based) replaced. */
function validateKnee(name: string, line: number, replacement: string) {
  const lines = [...knee];
  lines[line - 1] = replacement;
  const file = join(dir, `${name}.journey.yaml`);
  writeFileSync(file, lines.join('\n'));
  const result = run(['validate', file, '--format', 'json']);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout).files[0].findings as { line: number; column: number; message: string; ruleId: string }[];
}

const lineOf = (text: string) => knee.indexOf(text) + 1;

describe('a YAML mistake is one finding, on its line, in words an analyst can act on', () => {
  it('text with ": " in it: quote it, and the line quoted is shown', () => {
    const at = lineOf('    name: Awareness');
    const findings = validateKnee('colon', at, '    name: Surgery day: laparoscopic sleeve gastrectomy');
    expect(findings).toEqual([expect.objectContaining({ line: at, ruleId: 'yaml-syntax' })]);
    expect(findings[0].message).toContain('must be in quotes');
    expect(findings[0].message).toContain('name: "Surgery day: laparoscopic sleeve gastrectomy"');
  });

  it('a line indented one space too little', () => {
    const at = lineOf('    description: >-');
    const findings = validateKnee('under', at, '   description: >-');
    expect(findings).toEqual([expect.objectContaining({ line: at, ruleId: 'yaml-syntax' })]);
    expect(findings[0].message).toMatch(/indented 3 spaces, but the lines of this block are indented 4 spaces: indent it like the line above it/);
  });

  it('a key indented too far is reported on its own line, not the one above', () => {
    const at = lineOf('    description: >-');
    const findings = validateKnee('over', at, '     description: >-');
    expect(findings).toEqual([expect.objectContaining({ line: at, ruleId: 'yaml-syntax' })]);
    expect(findings[0].message).toContain('indented further than `name:`');
  });

  it('one tab is one finding that says to use spaces', () => {
    const at = lineOf('    description: >-');
    const findings = validateKnee('tab', at, '\tdescription: >-');
    expect(findings).toEqual([expect.objectContaining({ line: at, column: 1, ruleId: 'yaml-syntax' })]);
    expect(findings[0].message).toContain('indented with a tab; YAML counts only spaces');
  });

  it('a # inside a one-line list is reported where the list is, with the fix', () => {
    const findings = yamlFindings('journeymap: 1\ntags: [knee #TKA, joint replacement]\ntitle: T\n');
    expect(findings).toEqual([expect.objectContaining({ line: 2 })]);
    expect(findings[0].message).toContain('a # after a space starts a comment');
  });
});

describe('across mutations of every example', () => {
  /** Each slip an editor makes, applied to a line that holds a key or a list item. */
  const slips: Record<string, (line: string) => string | undefined> = {
    'one space less': (line) => (line.startsWith(' ') ? line.slice(1) : undefined),
    'one space more': (line) => ` ${line}`,
    'a tab': (line) => (line.startsWith('  ') ? `\t${line.slice(2)}` : undefined),
    'a dash without its space': (line) => (/^\s*- /.test(line) ? line.replace('- ', '-') : undefined),
    'a colon without its space': (line) => (/^\s*(- )?[A-Za-z_][\w-]*: [^'"]/.test(line) ? line.replace(': ', ':') : undefined),
    'a colon in the text': (line) => (/^\s*(- )?name: \S+ [^"'>|]+$/.test(line) ? line.replace(/name: (\S+) /, 'name: $1: ') : undefined),
  };

  it.each(Object.keys(slips))('%s: exactly one finding, on the changed line, free of YAML jargon', (slip) => {
    let checked = 0;
    examples.forEach((example) => {
      const lines = example.split('\n');
      lines.forEach((line, i) => {
        // Every seventh line that holds a key or an item: all of them take a minute of CPU. (All of them,
        // 11,000 slips, were checked once: every one that YAML refuses is found on its own line.)
        if (i === 0 || i % 7 !== 0 || !/^\s*(- )?[A-Za-z_][\w-]*:( |$)/.test(line)) return;
        const changed = slips[slip](line);
        if (changed === undefined) return;
        const text = [...lines.slice(0, i), changed, ...lines.slice(i + 1)].join('\n');
        const findings = yamlFindings(text);
        if (findings.length === 0) return; // Still valid YAML (the schema reports what changed).
        checked++;
        expect(findings, `${slip} at line ${i + 1}: ${JSON.stringify(findings)}`).toHaveLength(1);
        expect(findings[0].line, `${slip} at line ${i + 1}: ${findings[0].message}`).toBe(i + 1);
        expect(findings[0].message).not.toMatch(JARGON);
      });
    });
    expect(checked).toBeGreaterThan(20);
  });

  it('a character added, removed or changed anywhere: one finding, never in the yaml package\'s words', () => {
    const characters = ['"', "'", '[', ']', '{', '}', ':', ' ', '#', '-', '|', '>', '&', '*', '!', '%', '@', '`', ',', '\t', '\n', '?'];
    let seed = 20261204;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let checked = 0;
    for (let k = 0; k < 600; k++) {
      const text = examples[k % examples.length];
      const at = Math.floor(random() * text.length);
      const op = random();
      const c = characters[Math.floor(random() * characters.length)];
      const mutated = op < 0.5 ? text.slice(0, at) + c + text.slice(at) : op < 0.8 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + c + text.slice(at + 1);
      const findings = yamlFindings(mutated).filter((f) => f.ruleId === 'yaml-syntax');
      if (findings.length === 0) continue;
      checked++;
      expect(findings).toHaveLength(1);
      expect(findings[0].message, JSON.stringify({ at, op, c })).not.toMatch(/cannot be read here/);
      expect(findings[0].message).not.toMatch(JARGON);
    }
    expect(checked).toBeGreaterThan(100);
  });
});
