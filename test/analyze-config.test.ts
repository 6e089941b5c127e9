import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
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
});
