import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, root, run } from './helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jm-ci-'));
  mkdirSync(join(dir, 'maps'));
  copyFileSync(join(root, 'examples/knee-replacement.journey.yaml'), join(dir, 'maps/knee.journey.yaml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('action.yml', () => {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));

  /** Runs the action's script as the runner would, with journeymap installed in the repository. */
  function runAction(inputs: Record<string, string>) {
    mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/.bin/journeymap'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
    chmodSync(join(dir, 'node_modules/.bin/journeymap'), 0o755);
    const env = { JM_PATHS: '', JM_CONFIG: '', JM_MAX_WARNINGS: '', JM_VERSION: 'latest', ...inputs };
    return spawnSync('bash', ['-c', action.runs.steps[0].run], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  }

  it('is a composite action whose inputs reach the script only through the environment', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'config', 'max-warnings', 'version', 'working-directory']);
    expect(action.runs.steps[0].run).not.toContain('${{');
  });

  it('passes on valid maps and annotates invalid ones with --format github', () => {
    expect(runAction({ JM_PATHS: 'maps/' }).status).toBe(0);
    copyFileSync(join(root, 'examples/invalid/unknown-property-chanel.journey.yaml'), join(dir, 'maps/typo.journey.yaml'));
    const failed = runAction({ JM_PATHS: 'maps/*.journey.yaml\nmaps/knee.journey.yaml' });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/^::error file=maps\/typo\.journey\.yaml,line=\d+,col=\d+,.*::unknown property `chanel`/m);
  });

  it('passes max-warnings and config through', () => {
    copyFileSync(join(root, 'examples/invalid/stage-without-touchpoints.journey.yaml'), join(dir, 'maps/partial.journey.yaml'));
    expect(runAction({}).status).toBe(0);
    expect(runAction({ JM_MAX_WARNINGS: '0' }).status).toBe(1);
    writeFileSync(join(dir, 'ci.yaml'), 'rules:\n  stage-without-touchpoints: off\n');
    expect(runAction({ JM_MAX_WARNINGS: '0', JM_CONFIG: 'ci.yaml' }).status).toBe(0);
  });
});

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
