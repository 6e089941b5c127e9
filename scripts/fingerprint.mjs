#!/usr/bin/env node
// Runs at the end of `npm run build`, once dist/ holds its final files: records the fingerprint of
// journeymap's rendering code, which the build cache keys every output on, in dist/cache/fingerprint.txt.
// A cached build then reads one line where it hashed some fifty files.
import { writeFileSync } from 'node:fs';

const { computeToolFingerprint } = await import('../dist/cache/index.js');
writeFileSync(new URL('../dist/cache/fingerprint.txt', import.meta.url), `${await computeToolFingerprint()}\n`);
