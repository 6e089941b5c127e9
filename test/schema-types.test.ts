import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinChannels } from '../dist/index.js';
import { root } from './helpers/cli.js';

const schema = JSON.parse(readFileSync(`${root}schemas/journeymap.schema.json`, 'utf8'));

describe('the JSON Schema is the single source of the format', () => {
  it('the TypeScript types are what the schema gives (no drift)', () => {
    const check = spawnSync(process.execPath, [`${root}scripts/gen-types.mjs`, '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('is draft 2020-12 with an $id and a description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(schema.description.length).toBeGreaterThan(40);
  });

  it('gives every property a description and examples, for editors to show on hover', () => {
    const missing: string[] = [];
    const visit = (node: Record<string, unknown>, where: string) => {
      const properties = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
      for (const [key, property] of Object.entries(properties)) {
        if (typeof property.description !== 'string' || !property.description) missing.push(`${where}.${key} description`);
        if (!Array.isArray(property.examples) || property.examples.length === 0) missing.push(`${where}.${key} examples`);
      }
    };
    visit(schema, '#');
    for (const [name, def] of Object.entries(schema.$defs as Record<string, Record<string, unknown>>)) visit(def, `#/$defs/${name}`);
    expect(missing).toEqual([]);
  });

  it('lists at least the built-in channels the format promises', () => {
    const channelIcon = schema.$defs.channel.properties.icon.enum;
    for (const id of ['web', 'search', 'social', 'email', 'sms', 'phone', 'call-center', 'chat', 'mobile-app', 'portal', 'video', 'mail', 'print', 'in-person', 'referral']) {
      expect(channelIcon).toContain(id);
    }
    // The display names live in code; the set of ids must be the schema's.
    expect(Object.keys(builtinChannels).sort()).toEqual([...channelIcon].sort());
  });
});
