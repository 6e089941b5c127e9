import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, run } from './helpers/cli.js';

const knee = 'examples/knee-replacement.journey.yaml';
const typo = 'examples/invalid/unresolved-reference-stage.journey.yaml';
const warningOnly = 'examples/invalid/gap-without-opportunity.journey.yaml';

describe('validate: report formats', () => {
  it('json lists every file, clean ones too, with 1-based positions', () => {
    const result = run(['validate', knee, typo, '--format', 'json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual([knee, typo]);
    expect(report.files[0]).toMatchObject({ valid: true, errorCount: 0, findings: [] });
    expect(report.files[1].findings[0]).toMatchObject({ line: 17, column: 12, severity: 'error', ruleId: 'unresolved-reference', path: 'gaps[0].stage' });
    expect(result.stderr).toBe('');
  });

  it('github prints workflow commands with escaped properties and messages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-gh-'));
    const file = join(dir, 'a,b:c.journey.yaml');
    writeFileSync(file, readFileSync(join(root, typo), 'utf8').replace('severity: high', 'severity: 100%'));
    const result = run(['validate', file, '--format', 'github']);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^::error file=.*a%2Cb%3Ac\.journey\.yaml,line=17,col=12,endLine=17,endColumn=21,title=journeymap unresolved-reference::unknown stage `treatmnet`/);
    expect(lines[1]).toMatch(/^::error file=.*,line=18,col=15,.*::`severity` must be one of low, medium, high, critical; got `100%25` \(invalid-value\)$/);
  });

  it('junit has a suite per file and a passing case for clean files', () => {
    const result = run(['validate', knee, typo, '--format', 'junit']);
    expect(result.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="journeymap" tests="2" failures="1"/);
    expect(result.stdout).toContain(`<testsuite name="${knee}" tests="1" failures="0"`);
    expect(result.stdout).toContain('<testcase classname="examples/invalid/unresolved-reference-stage.journey.yaml" name="unresolved-reference at 17:12">');
    expect(result.stdout).toContain('unknown stage `treatmnet`; did you mean `treatment`?');
  });

  it('sarif is SARIF 2.1.0 with rules and regions', () => {
    const result = run(['validate', typo, '--format', 'sarif']);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('journeymap');
    expect(run0.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('unresolved-reference');
    expect(run0.results[0]).toMatchObject({
      ruleId: 'unresolved-reference',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: typo }, region: { startLine: 17, startColumn: 12 } } }],
    });
    expect(run0.tool.driver.rules[run0.results[0].ruleIndex].id).toBe('unresolved-reference');
  });

  it('stylish sends nothing but the report to stdout and has no colour under NO_COLOR', () => {
    const result = run(['validate', typo]);
    expect(result.stdout).not.toMatch(/\u001b\[/);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('\u2716 1 problem (1 error, 0 warnings); 1 of 1 map invalid');
    expect(result.stderr).toBe('');
  });

  it('stylish and github show 200 findings of a file, then say how many more; json, sarif and junit show all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-cap-'));
    const file = join(dir, 'many.journey.yaml');
    const keys = Array.from({ length: 250 }, (_, i) => `extra${i}: 1\r`).join('\n');
    writeFileSync(file, `${readFileSync(join(root, knee), 'utf8').replace(/\n/g, '\r\n')}${keys}\r\n`);
    const stylish = run(['validate', file]);
    expect(stylish.status).toBe(1);
    expect(stylish.stdout.match(/ {2}error {2}unknown property/g)).toHaveLength(200);
    expect(stylish.stdout).toContain(`${file}  \u2026 and 50 more; use --format json for all\n`);
    expect(stylish.stdout.trim().split('\n').at(-1)).toBe('\u2716 250 problems (250 errors, 0 warnings); 1 of 1 map invalid');
    // The frame of the last finding shown, from the line index: its line, and the lines either side, without the CR.
    const line = readFileSync(join(root, knee), 'utf8').split('\n').length + 199;
    expect(stylish.stdout).toContain(`  ${line - 1} | extra198: 1\n> ${line} | extra199: 1\n${' '.repeat(String(line).length + 3)}| ^^^^^^^^\n  ${line + 1} | extra200: 1\n`);
    const github = run(['validate', file, '--format', 'github']).stdout.trim().split('\n');
    expect(github.filter((l) => l.startsWith('::error '))).toHaveLength(200);
    expect(github.at(-1)).toMatch(/^::notice file=.*many\.journey\.yaml,title=journeymap::\u2026 and 50 more; use --format json for all$/);
    expect(JSON.parse(run(['validate', file, '--format', 'json']).stdout).files[0].findings).toHaveLength(250);
    expect(JSON.parse(run(['validate', file, '--format', 'sarif']).stdout).runs[0].results).toHaveLength(250);
    expect(run(['validate', file, '--format', 'junit']).stdout.match(/<testcase /g)).toHaveLength(250);
  });

  it('FORCE_COLOR colours stylish output', () => {
    expect(run(['validate', typo], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[31merror/);
  });
});

describe('validate: inputs and exit codes', () => {
  it('reads a map from stdin with -', () => {
    const result = run(['validate', '-'], { input: readFileSync(join(root, typo)) });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^<stdin>:17:12 {2}error/m);
    expect(run(['validate', '-'], { input: readFileSync(join(root, knee)) }).status).toBe(0);
  });

  it('searches folders for *.journey.yaml and *.journey.yml, and expands globs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-dir-'));
    mkdirSync(join(dir, 'sub'));
    const text = readFileSync(join(root, knee), 'utf8');
    writeFileSync(join(dir, 'a.journey.yaml'), text);
    writeFileSync(join(dir, 'sub', 'b.journey.yml'), text);
    writeFileSync(join(dir, 'notes.yaml'), 'not: a map');
    const folder = JSON.parse(run(['validate', dir, '--format', 'json']).stdout);
    expect(folder.files.map((f: { file: string }) => f.file)).toEqual([join(dir, 'a.journey.yaml'), join(dir, 'sub/b.journey.yml')]);
    const glob = JSON.parse(run(['validate', 'examples/*.journey.yaml', '--format', 'json']).stdout);
    expect(glob.files.length).toBeGreaterThanOrEqual(5);
    expect(glob.valid).toBe(true);
  });

  it('skips hidden folders and node_modules in a folder, and follows links to folders once, even in a loop', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-tree-'));
    const text = readFileSync(join(root, knee), 'utf8');
    for (const sub of ['a/b', '.hidden', 'node_modules/pkg', 'z']) mkdirSync(join(dir, sub), { recursive: true });
    for (const file of ['a/1.journey.yaml', 'a/b/2.journey.yml', '.hidden/3.journey.yaml', 'node_modules/pkg/4.journey.yaml', '.5.journey.yaml']) writeFileSync(join(dir, file), text);
    symlinkSync(join(dir, 'a'), join(dir, 'z', 'again'));
    symlinkSync(dir, join(dir, 'a', 'b', 'loop'));
    symlinkSync(join(dir, 'a', '1.journey.yaml'), join(dir, 'z', 'linked.journey.yaml'));
    const result = run(['validate', dir, '--format', 'json']);
    expect(result.status).toBe(0);
    const files = JSON.parse(result.stdout).files.map((f: { file: string }) => f.file.slice(dir.length + 1));
    expect(files).toEqual(['a/1.journey.yaml', 'a/b/2.journey.yml', 'z/linked.journey.yaml']);
  });

  it('allows warnings unless --max-warnings is exceeded', () => {
    expect(run(['validate', warningOnly]).status).toBe(0);
    expect(run(['validate', warningOnly, '--max-warnings', '1']).status).toBe(0);
    const strict = run(['validate', warningOnly, '--max-warnings', '0']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('more than --max-warnings 0');
  });

  it('--quiet reports errors only', () => {
    const result = run(['validate', warningOnly, '--quiet']);
    expect(result.stdout).not.toContain('gap-without-opportunity');
  });

  it('exits 2 for usage and I/O errors, with one clean line', () => {
    const missing = run(['validate', 'no/such/file.journey.yaml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('journeymap: no such file or folder: no/such/file.journey.yaml\n');
    const badFormat = run(['validate', knee, '--format', 'xml']);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain("argument 'xml' is invalid");
    expect(run(['validate', knee, '--max-warnings', 'many']).status).toBe(2);
    expect(run(['frobnicate']).status).toBe(2);
    expect(run(['validate', 'no-match-*.journey.yaml']).stderr).toContain('no files match');
  });

  it('--version and --help exit 0', () => {
    const version = run(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    expect(version.status).toBe(0);
    const help = run(['validate', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });

  it('gives the same findings on one thread and on several', () => {
    const one = run(['validate', 'examples', '--format', 'json', '--jobs', '1']).stdout;
    const many = run(['validate', 'examples', '--format', 'json', '--jobs', '4']).stdout;
    expect(many).toBe(one);
  });
});
