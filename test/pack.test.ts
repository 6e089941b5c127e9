import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './helpers/cli.js';

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

let work: string;
let packed: PackResult;
let tarball: string;
let env: NodeJS.ProcessEnv;

/** npm and the installed CLI, with no browser anywhere: no browser variables, and a PATH of node alone. */
function inConsumer(command: string, args: string[], cwd = join(work, 'consumer')) {
  return spawnSync(join(dirname(process.execPath), command), args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'jm-pack-'));
  // The test suite has just built dist/; packing must not rebuild it in the middle of the tests.
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
  packed = (JSON.parse(out) as PackResult[])[0];
  tarball = join(work, packed.filename);

  const pathDir = join(work, 'path');
  mkdirSync(pathDir);
  symlinkSync('/bin/sh', join(pathDir, 'sh'));
  env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/chrom|puppeteer|browser|edge|firefox/i.test(key)));
  env.PATH = `${dirname(process.execPath)}:${pathDir}`;
  env.NO_COLOR = '1';
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('holds the CLI, the schemas, templates and docs, and no tests, sources or source maps', () => {
    const paths = packed.files.map((f) => f.path);
    for (const needed of ['bin/journeymap.cjs', 'dist/cli.cjs', 'dist/cli.cjs.cache', 'dist/index.js', 'dist/index.d.ts', 'schemas/journeymap.schema.json', 'schemas/journeymap.config.schema.json', 'templates/init/patient.journey.yaml', 'docs/format.md', 'package.json']) {
      expect(paths).toContain(needed);
    }
    expect(paths.filter((p) => /^(test|src|bench|scripts|\.ci)\//.test(p) || p.endsWith('.map') || p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
    // Small enough to install in CI in a moment; reported by `npm pack` too. About 1.05 MB since site,
    // schedule and the outreach rules (README: Packaging): the bound catches a stray folder, not growth.
    expect(packed.size).toBeLessThan(1_500_000);
  });

  it('installs as a dev dependency of a maps repository (README: Install) and validates and builds html and svg with no browser', () => {
    mkdirSync(join(work, 'consumer'));
    writeFileSync(join(work, 'consumer/package.json'), '{ "name": "consumer", "private": true }\n');
    const install = inConsumer('npm', ['install', '--save-dev', tarball, '--no-audit', '--no-fund', '--prefer-offline']);
    expect(install.stderr).not.toMatch(/npm (warn|error)/i);
    expect(install.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(work, 'consumer/package.json'), 'utf8'));
    expect(manifest.devDependencies.journeymap).toMatch(/^file:.*journeymap-.*\.tgz$/);

    copyFileSync(join(root, 'examples/knee-replacement.journey.yaml'), join(work, 'consumer/knee.journey.yaml'));
    const validate = inConsumer('npx', ['--no', '--', 'journeymap', 'validate', 'knee.journey.yaml']);
    expect(validate.stdout).toContain('1 map valid');
    expect(validate.status).toBe(0);
    // Without `--`, npx takes the command's options for its own: the README warns of this.
    const npmVersion = inConsumer('npm', ['--version']).stdout.trim();
    expect(inConsumer('npx', ['--no', 'journeymap', '--version']).stdout.trim()).toBe(npmVersion);
    expect(inConsumer('npx', ['--no', '--', 'journeymap', '--version']).stdout.trim()).toBe(packed.filename.replace(/^journeymap-|\.tgz$/g, ''));

    const build = inConsumer('npx', ['--no', '--', 'journeymap', 'build', 'knee.journey.yaml', '--format', 'html,svg']);
    expect(build.stderr).toContain('wrote knee.html');
    expect(build.status).toBe(0);
    expect(readFileSync(join(work, 'consumer/knee.html'), 'utf8')).toContain('Total knee replacement');
    expect(existsSync(join(work, 'consumer/knee.svg'))).toBe(true);

    const init = inConsumer('npx', ['--no', '--', 'journeymap', 'init', 'new', '--template', 'patient']);
    expect(init.status).toBe(0);
    expect(inConsumer('npx', ['--no', '--', 'journeymap', 'validate', 'new.journey.yaml']).status).toBe(0);

    const schema = inConsumer('node', ['-e', "process.stdout.write(require.resolve('journeymap/schema.json'))"]);
    expect(schema.stdout).toMatch(/node_modules\/journeymap\/schemas\/journeymap\.schema\.json$/);

    // The installed CLI runs from the code cache packed beside its bundle (npm resets files' times).
    const cached = inConsumer('node', ['-e', "console.log(require('./node_modules/journeymap/bin/journeymap.cjs').loadCli().taken)"]);
    expect(cached.stdout.trim()).toBe('true');

    const library = inConsumer('node', ['--input-type=module', '-e', "const jm = await import('journeymap'); const r = await jm.loadMap('knee.journey.yaml'); console.log(typeof jm.loadMap, r.map.title)"]);
    expect(library.stdout.trim()).toBe('function Total knee replacement');
  }, 600_000);

  it('installs globally from the tarball, into a prefix of its own (README: Install)', () => {
    const prefix = join(work, 'global-tarball');
    const install = inConsumer('npm', ['install', '-g', tarball, '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline'], work);
    expect(install.stderr).not.toMatch(/npm (warn|error)/i);
    expect(install.status).toBe(0);
    const validate = spawnSync(join(prefix, 'bin/journeymap'), ['validate', join(root, 'examples/knee-replacement.journey.yaml')], { cwd: work, env, encoding: 'utf8' });
    expect(validate.stdout).toContain('1 map valid');
    expect(validate.status).toBe(0);
  }, 300_000);
});

describe('a checkout', () => {
  // The checkout is this one, built by the test run; each install goes to a prefix of its own, so the
  // machine's global packages are never touched.
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

  it.each([
    ['npm install -g .', ['install', '-g', '.', '--no-audit', '--no-fund']],
    ['npm link', ['link', '--no-audit', '--no-fund']],
  ])('installs the journeymap command with %s (README: Install), leaving the checkout as it was', (_, args) => {
    const before = git('status', '--porcelain');
    const prefix = mkdtempSync(join(work, 'global-'));
    const install = spawnSync('npm', args, { cwd: root, encoding: 'utf8', env: { ...env, npm_config_prefix: prefix }, timeout: 300_000 });
    expect(install.stderr).not.toMatch(/npm (warn|error)/i);
    expect(install.status).toBe(0);
    const validate = spawnSync(join(prefix, 'bin/journeymap'), ['validate', 'examples/knee-replacement.journey.yaml'], { cwd: root, encoding: 'utf8', env });
    expect(validate.stdout).toContain('1 map valid');
    expect(git('status', '--porcelain')).toBe(before);
  }, 300_000);
});
