#!/usr/bin/env node
'use strict';
// Starts the CLI from dist/cli.cjs, the whole CLI in one CommonJS file, compiled with the V8 code cache
// that `npm run build` leaves beside it (dist/cli.cjs.cache): most of a short run's start-up is finding,
// loading and compiling modules, and this skips nearly all of it. A cache this Node cannot use (another
// V8 version) is ignored, and the file compiles as usual. Plain CommonJS, so Node never starts its ES
// module loader for a run that does not need it.
const { readFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const CACHE_HEADER = 'journeymap-code-cache';

/** Compiles and runs the bundle; returns its exports (`main`) and the compiled script (for its cache). */
function loadCli(bundle = join(__dirname, '..', 'dist', 'cli.cjs')) {
  const source = readFileSync(bundle, 'utf8');
  const script = new Script(wrap(source), { filename: bundle, cachedData: cacheFor(bundle, bundleId(source)) });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { cli: module.exports, script };
}

/** The name of the bundle's content, from its last line (scripts/bundle-cli.mjs writes it). */
function bundleId(source) {
  return /\/\/# journeymap-bundle (\w+)\s*$/.exec(source.slice(-64))?.[1];
}

/**
 * The cache made for this very bundle, or nothing. V8 itself only checks that the source has the same
 * length, so the cache's first line names the content it was made from.
 */
function cacheFor(bundle, id) {
  try {
    const cache = readFileSync(`${bundle}.cache`);
    const end = cache.indexOf(10);
    return id && cache.subarray(0, end).toString('latin1') === `${CACHE_HEADER} ${id}` ? cache.subarray(end + 1) : undefined;
  } catch {
    return undefined;
  }
}

if (require.main === module) {
  // A reader that stops early (`journeymap validate | head`) closes the pipe: that is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  loadCli()
    .cli.main(process.argv)
    .then((code) => {
      process.exitCode = code;
    });
} else {
  module.exports = { loadCli, bundleId, CACHE_HEADER };
}
