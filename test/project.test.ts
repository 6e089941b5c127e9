import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bin, root, run } from './helpers/cli.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A folder holding `map.journey.yaml` (a copy of `example`) and, when given, a configuration. */
function folder(example: string, config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'jm-project-'));
  dirs.push(dir);
  copyFileSync(join(root, example), join(dir, 'map.journey.yaml'));
  if (config !== undefined) writeFileSync(join(dir, 'journeymap.config.yaml'), config);
  return dir;
}

/** Status of `serve`'s page for the map: 200 rendered, 422 refused as invalid. */
async function servedStatus(dir: string): Promise<number> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    let base = '';
    for (let i = 0; i < 200 && !base; i++) {
      base = /serving (http:\/\/\S+\/)/.exec(stderr)?.[1] ?? '';
      if (child.exitCode !== null) throw new Error(`serve ended early:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return await new Promise<number>((resolve, reject) => get(`${base}map.html`, { agent: false }, (res) => resolve(res.statusCode ?? 0)).on('error', reject));
  } finally {
    child.kill('SIGKILL');
  }
}

/** The exit status of every command that loads the map (serve as its page's status), under one configuration. */
async function verdicts(dir: string): Promise<Record<string, number | null>> {
  const opts = { cwd: dir };
  return {
    validate: run(['validate', 'map.journey.yaml'], opts).status,
    build: run(['build', 'map.journey.yaml', '--format', 'svg', '--no-cache'], opts).status,
    analyze: run(['analyze', 'map.journey.yaml'], opts).status,
    export: run(['export', 'map.journey.yaml', '--to', 'csv'], opts).status,
    diff: run(['diff', 'map.journey.yaml', 'map.journey.yaml'], opts).status,
    serve: (await servedStatus(dir)) === 200 ? 0 : 1,
  };
}

describe('one project: the same configuration and map give the same verdict in every command', () => {
  it('a rule turned off in the configuration is off for every command', async () => {
    const bare = folder('examples/invalid/timing-without-milestone.journey.yaml');
    expect(await verdicts(bare)).toEqual({ validate: 1, build: 1, analyze: 1, export: 1, diff: 1, serve: 1 });
    const configured = folder('examples/invalid/timing-without-milestone.journey.yaml', 'rules:\n  timing-without-milestone: off\n');
    expect(await verdicts(configured)).toEqual({ validate: 0, build: 0, analyze: 0, export: 0, diff: 0, serve: 0 });
  });

  it('a warning the configuration makes an error fails every command', async () => {
    const bare = folder('examples/invalid/stage-without-touchpoints.journey.yaml');
    expect(await verdicts(bare)).toEqual({ validate: 0, build: 0, analyze: 0, export: 0, diff: 0, serve: 0 });
    const configured = folder('examples/invalid/stage-without-touchpoints.journey.yaml', 'rules:\n  stage-without-touchpoints: error\n');
    expect(await verdicts(configured)).toEqual({ validate: 1, build: 1, analyze: 1, export: 1, diff: 1, serve: 1 });
  });

  it('import checks the map it makes with the configured rules too', () => {
    const dir = folder('examples/invalid/stage-without-touchpoints.journey.yaml');
    writeFileSync(join(dir, 'plain.mmd'), 'journey\n  title Two steps\n  section Before\n    Book a visit: 3: Me\n  section After\n');
    expect(run(['import', 'plain.mmd'], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, 'journeymap.config.yaml'), 'rules:\n  stage-without-touchpoints: error\n');
    const refused = run(['import', 'plain.mmd', '--out', 'imported.journey.yaml'], { cwd: dir });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('stage-without-touchpoints');
    expect(existsSync(join(dir, 'imported.journey.yaml'))).toBe(false);
  });

  it('analyze takes its maps as validate does: the configuration\'s include and exclude', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-project-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'maps/drafts'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    copyFileSync(join(root, 'examples/cardiac-rehab.journey.yaml'), join(dir, 'maps/cardiac.journey.yaml'));
    copyFileSync(join(root, 'examples/invalid/yaml-syntax.journey.yaml'), join(dir, 'maps/drafts/broken.journey.yaml'));
    copyFileSync(join(root, 'examples/invalid/yaml-syntax.journey.yaml'), join(dir, 'elsewhere/broken.journey.yaml'));
    writeFileSync(join(dir, 'journeymap.config.yaml'), 'include: [maps/]\nexclude: ["maps/drafts/**"]\n');
    const validate = run(['validate', '--format', 'json'], { cwd: dir });
    const analyze = run(['analyze', '--format', 'json'], { cwd: dir });
    expect(validate.status).toBe(0);
    expect(analyze.status, analyze.stderr).toBe(0);
    expect(JSON.parse(validate.stdout).files.map((r: { file: string }) => r.file)).toEqual(['maps/cardiac.journey.yaml']);
    expect(JSON.parse(analyze.stdout).maps.map((m: { file: string }) => m.file)).toEqual(['maps/cardiac.journey.yaml']);
  });

  it('the thresholds of the configuration reach the map as they reach analyze', () => {
    const dir = folder('examples/knee-replacement.journey.yaml', 'analyze:\n  contactHoleDays: 30\n');
    const cached = run(['build', 'map.journey.yaml', '--format', 'svg'], { cwd: dir });
    expect(cached.status, cached.stderr).toBe(0);
    writeFileSync(join(dir, 'journeymap.config.yaml'), 'analyze:\n  contactHoleDays: 400\n');
    const rebuilt = run(['build', 'map.journey.yaml', '--format', 'svg'], { cwd: dir });
    // The threshold changes what the map shows, so an output built under another one is not reused.
    expect(rebuilt.stderr).toContain('wrote map.svg');
    expect(readFileSync(join(dir, 'map.svg'), 'utf8')).toContain('<svg');
  });
});

describe('--help shows the choices the code knows', () => {
  it('build lists every theme, paper and orientation of the registries, and the configuration schema agrees', async () => {
    const { THEMES } = await import('../src/render/options.js');
    const { PAPERS, ORIENTATIONS } = await import('../src/render/print/paper.js');
    const { OUTPUT_FORMATS } = await import('../src/render/formats.js');
    const help = run(['build', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`choices: ${THEMES.map((t) => `"${t}"`).join(', ')}`);
    expect(help).toContain(`choices: ${PAPERS.map((t) => `"${t}"`).join(', ')}`);
    expect(help).toContain(`choices: ${ORIENTATIONS.map((t) => `"${t}"`).join(', ')}`);
    expect(help).toContain(`output formats: ${OUTPUT_FORMATS.join(', ')}`);
    const schema = JSON.parse(readFileSync(join(root, 'schemas/journeymap.config.schema.json'), 'utf8'));
    expect(schema.properties.theme.enum).toEqual([...THEMES]);
    expect(schema.properties.paper.enum).toEqual([...PAPERS]);
    expect(schema.properties.orientation.enum).toEqual([...ORIENTATIONS]);
    expect(schema.properties.formats.items.enum).toEqual([...OUTPUT_FORMATS]);
  });

  it('each report format of validate, analyze and diff is a choice', async () => {
    const { FORMAT_NAMES } = await import('../src/format/names.js');
    const { ANALYZE_FORMATS } = await import('../src/analyze/format/names.js');
    const { DIFF_FORMATS } = await import('../src/diff/format/names.js');
    for (const [command, names] of [['validate', FORMAT_NAMES], ['analyze', ANALYZE_FORMATS], ['diff', DIFF_FORMATS]] as const) {
      expect(run([command, '--help']).stdout.replace(/\s+/g, ' ')).toContain(`choices: ${names.map((t) => `"${t}"`).join(', ')}`);
    }
  });
});
