import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, run } from './helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jm-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('journeymap init', () => {
  it.each(['patient', 'customer', 'blank'])('writes a %s starter map that validates with no findings', (template) => {
    const made = run(['init', `${template}.journey.yaml`, '--template', template], { cwd: dir });
    expect(made.status).toBe(0);
    expect(made.stderr).toContain(`wrote ${template}.journey.yaml`);
    const text = readFileSync(join(dir, `${template}.journey.yaml`), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=https://journeymap.dev/schemas/journeymap-1.schema.json');
    expect(text).not.toContain('{{');
    const checked = run(['validate', `${template}.journey.yaml`, '--max-warnings', '0'], { cwd: dir });
    expect(checked.stdout).toContain('1 map valid');
    expect(checked.status).toBe(0);
  });

  it('starts a patient map with the six patient-journey stages', () => {
    run(['init'], { cwd: dir });
    const json = run(['validate', 'map.journey.yaml', '--format', 'json'], { cwd: dir });
    expect(json.status).toBe(0);
    const text = readFileSync(join(dir, 'map.journey.yaml'), 'utf8');
    const names = (parse(text) as { stages: { name: string }[] }).stages.map((s) => s.name);
    expect(names).toEqual(['Awareness', 'Help', 'Care', 'Treatment', 'Behavioral/Lifestyle Change', 'Ongoing Care/Proactive Health']);
    expect(text).toContain('kind: patient');
  });

  it('refuses to overwrite an existing file without --force', () => {
    writeFileSync(join(dir, 'knee.journey.yaml'), 'mine\n');
    const refused = run(['init', 'knee'], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('journeymap: knee.journey.yaml already exists; use --force to overwrite it\n');
    expect(readFileSync(join(dir, 'knee.journey.yaml'), 'utf8')).toBe('mine\n');
    const forced = run(['init', 'knee', '--force', '-t', 'customer'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, 'knee.journey.yaml'), 'utf8')).toContain('kind: customer');
  });

  it('names the file in the suggested commands, creates missing folders, and prints to stdout with -', () => {
    expect(run(['init', 'maps/cardio/rehab'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'maps/cardio/rehab.journey.yaml'), 'utf8')).toContain('journeymap validate rehab.journey.yaml');
    const out = run(['init', '-', '--template', 'blank'], { cwd: dir });
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^# yaml-language-server: \$schema=/);
    expect(out.stderr).toBe('');
  });

  it('names the file standard output goes to, or <file> through a pipe, never map.journey.yaml', () => {
    const fd = openSync(join(dir, 'draft.journey.yaml'), 'w');
    const redirected = spawnSync(process.execPath, [bin, 'init', '-', '--template', 'blank'], { cwd: dir, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    expect(redirected.status).toBe(0);
    const text = readFileSync(join(dir, 'draft.journey.yaml'), 'utf8');
    expect(text).toContain('`journeymap validate draft.journey.yaml`');
    const piped = run(['init', '-', '--template', 'blank'], { cwd: dir });
    expect(piped.stdout).toContain('`journeymap validate <file>`');
    expect(piped.stdout + text).not.toContain('map.journey.yaml');
  });

  it.each(['map', 'maps/cardiology/cardiac-rehabilitation-programme'])('lines up what the suggested commands do, whatever the file is called (%s)', (name) => {
    for (const template of ['patient', 'customer']) {
      expect(run(['init', name, '--template', template, '--force'], { cwd: dir }).status).toBe(0);
      const header = readFileSync(join(dir, `${name}.journey.yaml`), 'utf8').split('\n').filter((line) => line.startsWith('#   journeymap '));
      expect(header).toHaveLength(3);
      const columns = header.map((line) => /^#   journeymap \S+(?: \S+)* {2,}/.exec(line)![0].length);
      expect(new Set(columns).size, header.join('\n')).toBe(1);
    }
  });

  it('rejects an unknown template with the choices', () => {
    const result = run(['init', '--template', 'hospital'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Allowed choices are patient, customer, blank');
  });
});

describe('journeymap schema', () => {
  it('prints the map schema exactly as shipped, with its $id', () => {
    const result = run(['schema']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(new URL('../schemas/journeymap.schema.json', import.meta.url), 'utf8'));
    expect(JSON.parse(result.stdout).$id).toBe('https://journeymap.dev/schemas/journeymap-1.schema.json');
  });

  it('prints the configuration schema with --config', () => {
    const result = run(['schema', '--config']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).title).toBe('journeymap configuration');
  });
});

describe('help', () => {
  it.each(['validate', 'build', 'init', 'serve', 'schema'])('%s --help shows examples', (command) => {
    const result = run([command, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Examples:\n {2}\$ journeymap /);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(run(['--version']).stdout.trim()).toBe(version);
  });
});
