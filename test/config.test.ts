import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeRules } from '../src/analyze/rules.js';
import { rules } from '../src/validate/rules.js';
import { root, run } from './helpers/cli.js';

let dir: string;
const example = (name: string) => join(root, 'examples', name);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jm-config-'));
  mkdirSync(join(dir, 'maps/drafts'), { recursive: true });
  mkdirSync(join(dir, 'sub'), { recursive: true });
  copyFileSync(example('knee-replacement.journey.yaml'), join(dir, 'maps/knee.journey.yaml'));
  copyFileSync(example('invalid/stage-without-touchpoints.journey.yaml'), join(dir, 'maps/partial.journey.yaml'));
  copyFileSync(example('invalid/yaml-syntax.journey.yaml'), join(dir, 'maps/drafts/broken.journey.yaml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const writeConfig = (text: string, name = 'journeymap.config.yaml') => writeFileSync(join(dir, name), text);

describe('journeymap.config.yaml', () => {
  it('is found from the working folder upward; include and exclude are relative to it', () => {
    writeConfig('include: [maps/]\nexclude: ["maps/drafts/**"]\n');
    const result = run(['validate', '--format', 'json'], { cwd: join(dir, 'sub') });
    expect(result.status).toBe(0);
    const files = (JSON.parse(result.stdout).files as { file: string }[]).map((r) => r.file).sort();
    expect(files).toEqual([join('..', 'maps', 'knee.journey.yaml'), join('..', 'maps', 'partial.journey.yaml')]);
  });

  it('applies exclude to paths given on the command line too', () => {
    writeConfig('exclude: ["**/drafts/**"]\n');
    expect(run(['validate', 'maps'], { cwd: dir }).status).toBe(0);
    writeConfig('{}\n');
    expect(run(['validate', 'maps'], { cwd: dir }).status).toBe(1);
  });

  it('sets the severity of rules: off, warn, error', () => {
    writeConfig('rules:\n  stage-without-touchpoints: off\n');
    let result = run(['validate', 'maps/partial.journey.yaml'], { cwd: dir });
    expect(result.stdout).toBe('\u2714 1 map valid\n');
    writeConfig('rules:\n  stage-without-touchpoints: error\n');
    result = run(['validate', 'maps/partial.journey.yaml'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('error  stage "Behavioral/Lifestyle Change" has no touchpoints');
    writeConfig('rules:\n  stage-without-touchpoints: warn\n');
    result = run(['validate', 'maps/partial.journey.yaml'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('warning  stage');
  });

  it('reports a broken configuration with located findings and exit code 2', () => {
    writeConfig('include: [maps/]\nrules:\n  stage-without-touchpoint: off\nthemes: print\nformats: [html, docx]\n');
    const result = run(['validate'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('journeymap.config.yaml:3:3  error  unknown rule `stage-without-touchpoint`; did you mean `stage-without-touchpoints`?  unknown-property');
    expect(result.stderr).toContain('journeymap.config.yaml:4:1  error  unknown setting `themes`; did you mean `theme`?  unknown-property');
    expect(result.stderr).toContain('journeymap.config.yaml:5:17  error  `formats.1` must be one of html, svg, pdf, png');
    expect(result.stderr).toMatch(/journeymap: invalid configuration in journeymap\.config\.yaml\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports YAML errors in the configuration with their line', () => {
    writeConfig('include: [maps/\n');
    const result = run(['build'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/journeymap\.config\.yaml:\d+:\d+  error  .*yaml-syntax/);
  });

  it('--config names a file (JSON too); paths in it are relative to it', () => {
    writeFileSync(join(dir, 'sub/ci.json'), JSON.stringify({ include: ['../maps/knee.journey.yaml'], outDir: 'site', formats: ['html', 'svg'] }));
    const result = run(['build', '--config', 'sub/ci.json'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'sub/site/knee.html'))).toBe(true);
    expect(existsSync(join(dir, 'sub/site/knee.svg'))).toBe(true);
    const missing = run(['validate', '--config', 'nope.yaml'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('journeymap: no such configuration file: nope.yaml\n');
  });

  it('command-line flags win over the configuration', () => {
    writeConfig('include: [maps/knee.journey.yaml]\noutDir: out\nformats: [svg]\n');
    const result = run(['build', '--format', 'html', '--out-dir', 'elsewhere'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'elsewhere/knee.html'))).toBe(true);
    expect(existsSync(join(dir, 'elsewhere/knee.svg'))).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const fromConfig = run(['build', 'maps/knee.journey.yaml'], { cwd: dir });
    expect(fromConfig.stderr).toContain(`wrote ${join('out', 'knee.svg')}`);
  });

  it('an empty configuration is fine', () => {
    writeConfig('# nothing yet\n');
    expect(run(['validate', 'maps/knee.journey.yaml'], { cwd: dir }).status).toBe(0);
  });
});

describe('the configuration schema', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schemas/journeymap.config.schema.json'), 'utf8'));

  it('lists every rule journeymap checks, and no other', () => {
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(Object.keys(rules).sort());
  });

  it("lists every rule of analyze under analyze.rules", () => {
    expect(Object.keys(schema.properties.analyze.properties.rules.properties).sort()).toEqual(Object.keys(analyzeRules).sort());
  });

  it('is a valid 2020-12 schema whose examples pass it', () => {
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema);
    for (const example of schema.examples) expect(validate(example)).toBe(true);
  });
});
