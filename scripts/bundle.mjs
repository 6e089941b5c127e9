#!/usr/bin/env node
// Runs after tsc and scripts/bundle-cli.mjs: bundles a few hot entry files of the library (the ES modules
// a program that imports journeymap loads, and so do `validate`'s worker threads) with the modules they
// import into that one file, so a program loads one module instead of twenty (module resolution and
// loading is a large part of a short run). The CLI itself runs from dist/cli.cjs.
// - each text renderer (dist/render/{svg,html}/index.js) with the renderers' own code (dist/render,
//   dist/model);
// - the generated validators with ajv's helpers, and the two ways in to checking (dist/validate/batch.js
//   for many files, dist/api.js for one map) with the checking code: no CommonJS module is loaded to
//   check a map.
// Everything else stays an import, with its path rewritten to stay correct from the bundle; the other
// dist files stay as tsc wrote them for anyone who imports them directly. Shared modules such as
// errors.js must stay one instance, or `instanceof` breaks, so only the listed modules go in, and none
// that finds files relative to itself (import.meta.url) unless it is the bundle's own entry.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The modules that check a map's content: pure functions with no paths of their own, safe to inline.
const checking = /[\\/]dist[\\/](validate[\\/](quick-check|semantic|rules|suggest|finding|generated[\\/]quick)|load[\\/](fast-yaml|source)|model[\\/][^\\/]+)\.js$/;
const bundles = [
  // The generated validators with ajv's runtime helpers and the date format: no CommonJS loading at all.
  { entry: 'dist/validate/generated/quick.js', inside: /^$/, packages: ['ajv', 'ajv-formats', 'fast-deep-equal'] },
  { entry: 'dist/validate/generated/thorough.js', inside: /^$/, packages: ['ajv', 'ajv-formats', 'fast-deep-equal'] },
  { entry: 'dist/render/svg/index.js', inside: /[\\/]dist[\\/](render|model)[\\/]/, packages: [] },
  { entry: 'dist/render/html/index.js', inside: /[\\/]dist[\\/](render|model)[\\/]/, packages: [] },
  // The two ways in to checking: many files (`validate`) and one map (`build`, the library API).
  { entry: 'dist/validate/batch.js', inside: checking, packages: ['fastest-levenshtein'] },
  { entry: 'dist/api.js', inside: checking, packages: ['fastest-levenshtein'] },
];

for (const { entry: file, inside, packages } of bundles) {
  const entry = join(root, file);
  await build({
    entryPoints: [entry],
    outfile: entry,
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [
      {
        name: 'bundle-only-the-listed-modules',
        setup(b) {
          // The generated validators make a require() for ajv's helpers; bundled, esbuild resolves those calls itself.
          b.onLoad({ filter: /[\\/]generated[\\/](quick|thorough)\.js$/ }, async (args) => ({
            contents: (await readFile(args.path, 'utf8')).replace(/^import \{ createRequire \}.*\n^const require = createRequire\(import\.meta\.url\);\n/m, ''),
            loader: 'js',
          }));
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === 'entry-point') return undefined;
            if (!/^\.\.?\//.test(args.path)) {
              // A package: bundled if listed, else left to Node (built-ins included).
              return packages.some((p) => args.path === p || args.path.startsWith(`${p}/`)) ? undefined : { path: args.path, external: true };
            }
            const target = join(dirname(args.importer), args.path);
            if (args.importer.includes('node_modules') || (inside.test(target) && args.kind !== 'dynamic-import')) return undefined;
            return { path: `./${relative(dirname(entry), target)}`.replace(/^\.\/\.\.\//, '../'), external: true };
          });
        },
      },
    ],
  });
}
console.error(`bundled ${bundles.map((b) => b.entry).join(', ')}`);
