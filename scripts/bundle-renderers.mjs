#!/usr/bin/env node
// Runs after tsc: bundles each text renderer's entry (dist/render/{svg,html}/index.js) with the modules
// it imports into that one file, so `journeymap build --format svg` loads one module instead of twenty
// (about 8 ms of a 60 ms budget). Node built-ins and packages stay imports; the other dist files stay
// as tsc wrote them for anyone who imports them directly. Only the renderers' own code (dist/render and
// dist/model) goes in: shared modules such as errors.js must stay one instance, or `instanceof` breaks.
import { build } from 'esbuild';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const name of ['svg', 'html']) {
  const entry = `${root}dist/render/${name}/index.js`;
  await build({
    entryPoints: [entry],
    outfile: entry,
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [
      {
        name: 'keep-shared-modules-external',
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, (args) => {
            const target = join(dirname(args.importer), args.path);
            if (/[\\/]dist[\\/](render|model)[\\/]/.test(target)) return undefined;
            return { path: `./${relative(dirname(entry), target)}`.replace(/^\.\/\.\.\//, '../'), external: true };
          });
        },
      },
    ],
  });
}
console.error('bundled dist/render/svg/index.js and dist/render/html/index.js');
