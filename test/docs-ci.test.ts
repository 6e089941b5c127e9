import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root, run } from './helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jm-ci-'));
  mkdirSync(join(dir, 'maps'));
  copyFileSync(join(root, 'examples/knee-replacement.journey.yaml'), join(dir, 'maps/knee.journey.yaml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('.pre-commit-hooks.yaml', () => {
  const [hook] = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'));

  it('validates staged maps, and only maps', () => {
    expect(hook.id).toBe('journeymap-validate');
    expect(hook.language).toBe('node');
    const files = new RegExp(hook.files);
    expect(['a/knee.journey.yaml', 'knee.journey.yml'].every((f) => files.test(f))).toBe(true);
    expect(['knee.yaml', 'journeymap.config.yaml'].some((f) => files.test(f))).toBe(false);
    const [command, ...args] = hook.entry.split(' ');
    expect(command).toBe('journeymap');
    expect(run([...args, 'maps/knee.journey.yaml'], { cwd: dir }).status).toBe(0);
  });
});

describe('docs/ci.md', () => {
  const doc = readFileSync(join(root, 'docs/ci.md'), 'utf8');
  const block = (lang: string, after: string) => new RegExp(`${after}[\\s\\S]*?\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(doc)![1];

  it('shows a configuration that journeymap accepts', () => {
    writeFileSync(join(dir, 'journeymap.config.yaml'), block('yaml', '## Configuration'));
    const result = run(['validate'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('maps *.journey.yaml to a schema the package ships, in the VS Code settings', () => {
    const settings = JSON.parse(block('json', '## VS Code'));
    const schemas = Object.keys(settings['yaml.schemas']);
    expect(settings['yaml.schemas']['./node_modules/journeymap/schemas/journeymap.schema.json']).toContain('*.journey.yaml');
    for (const path of schemas) expect(existsSync(join(root, path.replace('./node_modules/journeymap/', '')))).toBe(true);
  });
});

describe('the install and CI instructions', () => {
  const texts = ['README.md', 'docs/ci.md', 'action.yml', '.pre-commit-hooks.yaml'].map((file) => [file, readFileSync(join(root, file), 'utf8')] as const);

  it.each(texts)('%s depends on no registry package journeymap (none is published yet)', (_, text) => {
    expect(text).not.toMatch(/npx (--yes |-y )?journeymap|(?<!journeymap\/)journeymap@|npm (install|i) (-g )?journeymap\b/);
    // npx runs the installed journeymap only with --no, and with -- before journeymap's own options.
    // (The one exception shown is the mistake, named as such.)
    for (const npx of text.matchAll(/npx(?: -[-\w]*)* journeymap[\s\S]{0,40}/g)) {
      if (!npx[0].startsWith('npx --no -- journeymap')) expect(npx[0]).toMatch(/^npx --no journeymap\s+--version` prints npm's version/);
    }
  });
});
