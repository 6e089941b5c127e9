import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, run } from './helpers/cli.js';

function ruleIds(stdout: string): string[] {
  return JSON.stringify(JSON.parse(stdout)).match(/"(contact-hole|consent-missing)"/g) ?? [];
}

describe('analyze reads the configuration file', () => {
  it('applies the analyze thresholds and rules from journeymap.config.yaml; flags win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-analyze-config-'));
    copyFileSync(join(root, 'examples/knee-replacement.journey.yaml'), join(dir, 'knee.journey.yaml'));
    const before = run(['analyze', 'knee.journey.yaml', '--format', 'json'], { cwd: dir });
    expect(ruleIds(before.stdout)).toContain('"contact-hole"');

    writeFileSync(join(dir, 'journeymap.config.yaml'), 'analyze:\n  contactHoleDays: 400\n');
    const configured = run(['analyze', 'knee.journey.yaml', '--format', 'json'], { cwd: dir });
    expect(configured.status).toBe(0);
    expect(ruleIds(configured.stdout)).not.toContain('"contact-hole"');

    const flag = run(['analyze', 'knee.journey.yaml', '--format', 'json', '--contact-hole-days', '56'], { cwd: dir });
    expect(ruleIds(flag.stdout)).toContain('"contact-hole"');
  });

  it("works on the configuration's include and exclude when no paths are given, as validate does", () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-analyze-include-'));
    mkdirSync(join(dir, 'maps/drafts'), { recursive: true });
    copyFileSync(join(root, 'examples/maternity.journey.yaml'), join(dir, 'maps/maternity.journey.yaml'));
    copyFileSync(join(root, 'examples/invalid/duplicate-id.journey.yaml'), join(dir, 'maps/drafts/draft.journey.yaml'));
    copyFileSync(join(root, 'examples/invalid/yaml-syntax.journey.yaml'), join(dir, 'elsewhere.journey.yaml'));
    writeFileSync(join(dir, 'journeymap.config.yaml'), 'include: [maps/]\nexclude: ["maps/drafts/**"]\n');
    const analysed = run(['analyze', '--format', 'json'], { cwd: dir });
    expect(analysed.stderr).toBe('');
    expect(analysed.status).toBe(0);
    expect(analysed.stdout).toContain('maternity.journey.yaml');
    expect(analysed.stdout).not.toMatch(/draft|elsewhere/);
    const help = run(['analyze', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain("(default: the configuration's include, else .)");
    expect(help).not.toContain('(default: ["."])');
  });
});
