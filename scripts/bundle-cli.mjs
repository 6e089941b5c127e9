#!/usr/bin/env node
// Runs after tsc, before scripts/bundle.mjs: bundles the whole CLI (dist/cli/main.js and everything it
// imports, however lazily) into one CommonJS file, dist/cli.cjs, which bin/journeymap.cjs compiles with
// V8's code cache (see scripts/warm-cli.mjs). A short run such as `build --format svg` then reads one file
// and compiles almost nothing, where the ES modules cost a module load and a compile per file.
// - Our own modules are all inside, each initialised only when first imported, so the CLI holds one
//   instance of each (errors.js's classes must be one, or `instanceof` breaks).
// - Large packages that only some commands need stay outside, loaded when used: puppeteer-core (print),
//   chokidar (watch), pdf-lib (joining split prints), yaml (maps beyond the fast parser), handlebars
//   (HTML), ical-generator (schedule). Small ones on every run's path (commander, chalk, ajv's helpers) are inside.
// - `import.meta.url` becomes the URL the module had in dist/, so files found next to a module (the
//   package.json, schemas, templates, the validation worker) are found from the bundle too.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Module from 'node:module';
import { build } from 'esbuild';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const OUTSIDE = ['puppeteer-core', 'chokidar', 'pdf-lib', 'yaml', 'handlebars', 'ical-generator'];
const OUTSIDE_IMPORT = new RegExp(`\\bimport\\('(${OUTSIDE.join('|')})'\\)`, 'g');

// The code cache of the previous bundle (scripts/warm-cli.mjs writes the new one) is of no use now.
rmSync(join(dist, 'cli.cjs.cache'), { force: true });

await build({
  entryPoints: [join(dist, 'cli/main.js')],
  outfile: join(dist, 'cli.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  // Read whole at every start: a third smaller without the whitespace. Names stay, for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  external: OUTSIDE.flatMap((name) => [name, `${name}/*`]),
  // What `import.meta.url` becomes: the wrapper's own `require`, which a module's local one cannot shadow.
  banner: { js: 'const __distUrl = (path) => require("node:url").pathToFileURL(require("node:path").join(__dirname, path)).href;' },
  plugins: [
    {
      name: 'journeymap-cli-sources',
      setup(b) {
        // commander loads child_process (and with it net, dgram and streams) for subcommands that are
        // programs of their own, which journeymap has none of: it is loaded only if ever spawned.
        b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => ({
          contents: (await readFile(args.path, 'utf8')).replace(
            "const childProcess = require('node:child_process');",
            "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };",
          ),
          loader: 'js',
        }));
        b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async (args) => {
          let source = await readFile(args.path, 'utf8');
          // The generated validators require ajv's helpers at run time; bundled, esbuild resolves those calls itself.
          if (/[\\/]generated[\\/](quick|thorough|config)\.js$/.test(args.path)) {
            source = source.replace(/^import \{ createRequire \}.*\n^const require = createRequire\(import\.meta\.url\);\n/m, '');
          }
          // V8 keeps no dynamic-import callback with a cached script, so packages are required instead.
          source = source.replace(OUTSIDE_IMPORT, (_, name) => `Promise.resolve(require('${name}'))`);
          return { contents: withMetaUrl(source, args.path), loader: 'js', resolveDir: dirname(args.path) };
        });
        // A package's ES module that requires through `createRequire(import.meta.url)` (fdir does) finds
        // packages from the bundle's folder instead, wherever npm put them.
        b.onLoad({ filter: /[\\/]node_modules[\\/].*\.m?js$/ }, async (args) => {
          const source = await readFile(args.path, 'utf8');
          return source.includes('import.meta.url') ? { contents: withMetaUrl(source, join(dist, 'cli.cjs')), loader: 'js', resolveDir: dirname(args.path) } : undefined;
        });
      },
    },
  ],
});
/** The module's source with `import.meta.url` made the URL of `file`, as the ES module had it. */
function withMetaUrl(source, file) {
  return source.replaceAll('import.meta.url', `__distUrl(${JSON.stringify(relative(dist, file).split(sep).join('/'))})`);
}

// The file holds the bundle as the function CommonJS wraps a module in, which bin/journeymap.cjs compiles
// as it is: wrapping it at each run made one more copy of the whole source, and set off a collection.
// Its line before the wrapper's end names its content, and so does the first line of the code cache
// made for it (scripts/warm-cli.mjs): V8 only checks a cache against the source's length.
const bundle = join(dist, 'cli.cjs');
const code = readFileSync(bundle, 'utf8');
writeFileSync(bundle, Module.wrap(`${code}//# journeymap-bundle ${createHash('sha256').update(code).digest('hex').slice(0, 16)}`));
console.error('bundled dist/cli.cjs');
