import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { root, run } from './helpers/cli.js';
import { chromiumUnder, pngSize, privateTmp } from './helpers/print.js';

// A capture stalled on a background tab used to fail a map after its whole time. The test hook
// JOURNEYMAP_TEST_STALL_CAPTURES=N makes the first N screenshots stall the same way (the page never answers),
// so the real CLI and the real Chromium show what a stalled page now goes through.
const map = join(root, 'examples/bank-account-opening.journey.yaml');
// Long enough for this small map to print on a busy machine, short enough that a stall does not take long.
const TIMEOUT_MS = 15_000;

let tmp: string;
beforeAll(() => {
  tmp = privateTmp('jm-print-retry-');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => expect(chromiumUnder(tmp)).toEqual([]));

const print = (out: string, stalls: number) =>
  run(['build', '--no-cache', map, '--format', 'pdf,png', '--timeout', String(TIMEOUT_MS), '--out-dir', out], {
    env: { TMPDIR: tmp, JOURNEYMAP_TEST_STALL_CAPTURES: String(stalls) },
    timeout: 180_000,
  });

describe('a stalled print', () => {
  it('is retried once on a fresh page, with its own time, and the map prints', () => {
    const out = join(tmp, 'once');
    const result = print(out, 1);
    expect(result.stderr).toContain(`retry: bank-account-opening.journey.yaml timed out after ${TIMEOUT_MS} ms`);
    expect(result.stderr).toContain('printing it again on a fresh page');
    expect(result.stderr).toMatch(/^printed .+bank-account-opening\.pdf, .+bank-account-opening\.png \(1\/1\)$/m);
    expect(result.status).toBe(0);
    expect(pngSize(join(out, 'bank-account-opening.png')).width).toBeGreaterThan(1000);
  }, 180_000);

  it('fails the map when the fresh page stalls too, and says so; nothing is written', () => {
    const out = join(tmp, 'twice');
    const result = print(out, 2);
    expect(result.stderr.match(/^retry: /gm)).toHaveLength(1);
    expect(result.stderr).toContain(`timed out after ${TIMEOUT_MS} ms, and again on a fresh page`);
    expect(result.stderr).toContain('1 of 1 map could not be printed');
    expect(result.status).toBe(1);
    expect(existsSync(join(out, 'bank-account-opening.pdf'))).toBe(false);
  }, 180_000);

  it('without stalls, no retry', () => {
    const out = join(tmp, 'none');
    const result = print(out, 0);
    expect(result.stderr).not.toContain('retry:');
    expect(result.status).toBe(0);
  }, 180_000);
});
