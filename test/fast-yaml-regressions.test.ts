// The divergences between the fast YAML path and the full parse that issue 12 found, each as a named
// test: at the parser level, and through the real CLI where users met them (validate, build, analyze).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFast } from '../dist/load/fast-yaml.js';
import { parseWithPositions } from '../dist/load/parse.js';
import { decode } from '../dist/load/source.js';
import { checkThoroughly } from '../dist/validate/check.js';
import { root, run } from './helpers/cli.js';
import { divergence } from './helpers/yaml-differential.mjs';

const dir = mkdtempSync(join(tmpdir(), 'jm-fast-yaml-'));
const knee = readFileSync(`${root}examples/knee-replacement.journey.yaml`, 'utf8');
const TAGS = 'tags: [orthopedics, knee, TKA, joint replacement, current state]';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

function write(name: string, text: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function validateJson(file: string, cwd = root) {
  const result = run(['validate', file, '--format', 'json'], { cwd });
  return { status: result.status, stderr: result.stderr, findings: result.status === 2 ? [] : JSON.parse(result.stdout).files[0].findings };
}

describe('`#` inside a one-line list', () => {
  const text = knee.replace(TAGS, 'tags: [orthopedics, knee #TKA, joint replacement, current state]');

  it('is left to the full parse, which reports the list cut short by the comment', () => {
    expect(parseFast('tags: [knee #TKA, joint replacement]\n')).toBeUndefined();
    expect(parseWithPositions('tags: [knee #TKA, joint replacement]\n').findings.map((f) => f.ruleId)).toEqual(['yaml-syntax']);
    expect(divergence(text)).toBeUndefined();
  });

  it('fails validate and build with the syntax error, with or without another error in the map', () => {
    const alone = validateJson(write('hash.journey.yaml', text));
    expect(alone.status).toBe(1);
    expect(alone.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['yaml-syntax']);
    // yaml notices the unclosed list only at the next line; the finding points at the # that cut it short.
    expect(alone.findings[0].line).toBe(lineOf(text, 'tags:'));
    expect(alone.findings[0].message).toMatch(/a # after a space starts a comment/);
    const withTypo = validateJson(write('hash-typo.journey.yaml', text.replace('\nowner:', '\nowners:')));
    expect(withTypo.findings).toEqual(alone.findings);
    const build = run(['build', join(dir, 'hash.journey.yaml'), '--out-dir', join(dir, 'out-hash')]);
    expect(build.status).toBe(1);
    expect(build.stdout + build.stderr).toContain('yaml-syntax');
  });

  it('fails a configuration file the same way', () => {
    const project = mkdtempSync(join(tmpdir(), 'jm-fast-yaml-config-'));
    writeFileSync(join(project, 'knee.journey.yaml'), knee);
    writeFileSync(join(project, 'journeymap.config.yaml'), 'formats: [html #the page, svg]\n');
    const result = run(['validate', 'knee.journey.yaml'], { cwd: project });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/journeymap\.config\.yaml:\d+:\d+ {2}error {2}.*yaml-syntax/);
  });
});

describe('carriage returns', () => {
  it('are line breaks, read once where the file is decoded: CR CR LF and CR-only files read as the LF file', () => {
    const crcrlf = knee.replace(/\n/g, '\r\r\n');
    const cr = knee.replace(/\n/g, '\r');
    const decoded = (text: string) => (decode('m.journey.yaml', Buffer.from(text)) as { source: { text: string } }).source.text;
    expect(decoded(crcrlf)).toBe(knee.replace(/\n/g, '\n\n'));
    expect(decoded(cr)).toBe(knee);
    // Text that did not come through decode (the library's loadMapFromText) takes the full parse.
    expect(parseFast(crcrlf)).toBeUndefined();
    expect(parseFast(knee.replace(/\n/g, '\r\n'))).toBeUndefined();
  });

  it('give the same validate and analyze results, at the same lines, as LF', () => {
    const lf = write('lf.journey.yaml', knee);
    const cr = write('cr.journey.yaml', knee.replace(/\n/g, '\r'));
    const crlf = write('crlf.journey.yaml', knee.replace(/\n/g, '\r\n'));
    for (const file of [lf, cr, crlf]) expect(validateJson(file)).toMatchObject({ status: 0, findings: [] });
    const analyze = (file: string) => JSON.parse(run(['analyze', file, '--format', 'json']).stdout).maps[0].findings.map((f: { line: number; column: number; ruleId: string }) => [f.line, f.column, f.ruleId]);
    const expected = analyze(lf);
    expect(expected.length).toBeGreaterThan(3);
    expect(analyze(cr)).toEqual(expected);
    expect(analyze(crlf)).toEqual(expected);
    // Blank lines between every line: every finding moves down by its line number less one.
    const doubled = analyze(write('crcrlf.journey.yaml', knee.replace(/\n/g, '\r\r\n')));
    expect(doubled).toEqual(expected.map(([line, column, rule]: [number, number, string]) => [2 * line - 1, column, rule]));
  });
});

describe('Unicode whitespace that String#trim() removes', () => {
  it.each(['\u00a0', '\ufeff', '\f', '\u3000', '\u2028'])('is text to YAML, and the fast path reads it as yaml does or gives up: %j', (space) => {
    for (const text of [`touchpoints: [symptom-search${space}]\n`, `title: Knee${space}\n`, `a: {title: Knee${space}}\n`, `a: "Knee${space}"\n`]) {
      expect(divergence(text), JSON.stringify(text)).toBeUndefined();
    }
    expect(parseFast(`touchpoints: [symptom-search\u00a0]\n`)).toEqual({ touchpoints: ['symptom-search\u00a0'] });
  });

  it('is part of a reference, which then is no id: validate reports it', () => {
    const text = knee.replace('touchpoints: [symptom-search]', 'touchpoints: [symptom-search\u00a0]');
    const result = validateJson(write('nbsp.journey.yaml', text));
    expect(result.status).toBe(1);
    expect(result.findings.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line])).toEqual([['invalid-value', lineOf(text, 'symptom-search\u00a0')]]);
  });
});

describe('the nesting limit', () => {
  const nested = (depth: number) => `a: ${'['.repeat(depth - 1)}x${']'.repeat(depth - 1)}\n`;

  it('is exact and the same on both paths: 64 levels read, 65 refused', () => {
    expect(parseWithPositions(nested(64)).findings).toEqual([]);
    expect(parseFast(nested(64))).toEqual(parseWithPositions(nested(64)).data);
    expect(parseWithPositions(nested(65)).findings.map((f) => [f.ruleId, f.offset])).toEqual([['nesting-depth', 3 + 63]]);
    expect(parseFast(nested(65))).toBeUndefined();
    const block = (depth: number) => `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} x\n`;
    expect(parseWithPositions(block(64)).findings).toEqual([]);
    expect(parseFast(block(64))).toEqual(parseWithPositions(block(64)).data);
    expect(parseWithPositions(block(65)).findings.map((f) => f.ruleId)).toEqual(['nesting-depth']);
    expect(parseFast(block(65))).toBeUndefined();
  });

  it('counts collections, not brackets or dashes in text: a title of 65 `[` and 300 dashes in a block scalar are ordinary', () => {
    const text = knee.replace('title: Total knee replacement', `title: "${'['.repeat(65)}"`).replace('description: >-\n', `description: |\n  ${'-'.repeat(300)}\n  ${'- '.repeat(150)}\n`);
    expect(text).not.toBe(knee);
    expect(checkThoroughly({ file: 'm', text }).report.findings).toEqual([]);
    expect(divergence(text)).toBeUndefined();
    expect(parseFast(text)).toBeDefined();
    const file = write('brackets.journey.yaml', text);
    expect(validateJson(file)).toMatchObject({ status: 0, findings: [] });
    expect(run(['analyze', file]).status).toBe(0);
  });
});

describe('keys the parsers read differently', () => {
  it.each(['null', 'Null', 'NULL', 'true', 'False', 'TRUE'])('`%s:` is not a string key: the fast path leaves it to yaml', (key) => {
    expect(parseFast(`${key}: 1\n`)).toBeUndefined();
    expect(parseFast(`a: {${key}: 1}\n`)).toBeUndefined();
  });

  it('a key past YAML’s 1,024-character limit is left to yaml, which reports it', () => {
    const long = `${'k'.repeat(1025)}: 1\n`;
    expect(parseFast(long)).toBeUndefined();
    expect(parseWithPositions(long).findings.map((f) => f.ruleId)).toEqual(['yaml-syntax']);
    // yaml counts from the line break before a key that follows an empty value: 1,023 characters then.
    const afterEmpty = (length: number) => `a:\n${'k'.repeat(length)}: 1\n`;
    expect(parseFast(afterEmpty(1023))).toEqual(parseWithPositions(afterEmpty(1023)).data);
    expect(parseFast(afterEmpty(1024))).toBeUndefined();
    expect(parseWithPositions(afterEmpty(1024)).findings.map((f) => f.ruleId)).toEqual(['yaml-syntax']);
  });
});
