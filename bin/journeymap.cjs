#!/usr/bin/env node
'use strict';
// Starts the CLI from dist/cli.cjs, the whole CLI as one CommonJS module function, compiled with the V8
// code cache beside it (dist/cli.cjs.cache): most of a short run's start-up is finding, loading and
// compiling modules, and this skips nearly all of it. `npm run build` makes the cache
// (scripts/warm-cli.mjs); a Node with another V8 compiles the file as usual, then leaves a cache of its
// own for the next run where the package is writable. Plain CommonJS, so Node never starts its ES module
// loader for a run that does not need it.
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const CACHE_HEADER = 'journeymap-code-cache';
const BUNDLE = join(__dirname, '..', 'dist', 'cli.cjs');

/**
 * Compiles and runs the bundle. Returns its exports (`main`); `stale`, true when no cache was made for
 * this bundle by this V8 (a cache for the same bundle and V8 that V8 still refuses was made with other
 * V8 flags: replacing it would only have the next ordinary run replace it back); and `saveCache`, which
 * writes the code compiled so far as the bundle's cache (atomically: runs at the same time never read
 * half a file).
 */
function loadCli(bundle = BUNDLE) {
  const source = readFileSync(bundle, 'utf8');
  const header = `${CACHE_HEADER} ${bundleId(source)} ${process.versions.v8}`;
  const cachedData = cacheFor(bundle, header);
  const script = new Script(source, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const saveCache = () => {
    const temporary = `${bundle}.cache.${process.pid}`;
    try {
      writeFileSync(temporary, Buffer.concat([Buffer.from(`${header}\n`), script.createCachedData()]));
      renameSync(temporary, `${bundle}.cache`);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  };
  return { cli: module.exports, taken: cachedData !== undefined && !script.cachedDataRejected, stale: cachedData === undefined, saveCache };
}

/** The name of the bundle's content, from its line before the wrapper's end (scripts/bundle-cli.mjs writes it). */
function bundleId(source) {
  return /\/\/# journeymap-bundle (\w+)\n\}\);$/.exec(source.slice(-64))?.[1];
}

/**
 * The cache made for this very bundle by this V8, or nothing. V8 itself only checks that the source has
 * the same length, so the cache's first line names the content and the V8 it was made for.
 */
function cacheFor(bundle, header) {
  try {
    const cache = readFileSync(`${bundle}.cache`);
    const end = cache.indexOf(10);
    return !header.includes('undefined') && cache.subarray(0, end).toString('latin1') === header ? cache.subarray(end + 1) : undefined;
  } catch {
    return undefined;
  }
}

if (require.main === module) {
  // A reader that stops early (`journeymap validate | head`) closes the pipe: that is not an error. The
  // handler is added when a stream is first used, because Node creates it (and loads its stream modules)
  // only then: a build that writes its notices to the descriptor never needs either.
  const onStreamError = (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  };
  for (const name of ['stdout', 'stderr']) {
    const { get } = Object.getOwnPropertyDescriptor(process, name);
    let handled = false;
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: true,
      get() {
        const stream = get.call(process);
        if (!handled) stream.on('error', onStreamError);
        handled = true;
        return stream;
      },
    });
  }
  const { cli, stale, saveCache } = loadCli();
  cli.main(process.argv).then((code) => {
    process.exitCode = code;
    if (!stale) return;
    try {
      saveCache();
    } catch {
      // A package that cannot be written to (a system-wide install) keeps compiling at each run.
    }
  });
} else {
  module.exports = { loadCli };
}
