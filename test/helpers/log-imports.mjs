// Preloaded with `node --import`: writes every module the program loads to stderr, one per line, so a
// test can check what a command loads: `import <url>` for each ES module URL resolved (those hooks run on
// a thread of their own, so the write is synchronous, or the last lines could still be queued there when
// a quick command exits), and `require <path>` for each CommonJS module or package required.
import { writeSync } from 'node:fs';
import Module, { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`import { writeSync } from 'node:fs';
    export async function resolve(specifier, context, next) {
      const result = await next(specifier, context);
      writeSync(2, 'import ' + result.url + '\\n');
      return result;
    }`),
);

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  if (!request.startsWith('node:') && !Module.isBuiltin(request)) {
    let path = request;
    try {
      path = Module._resolveFilename(request, parent, isMain);
    } catch {
      // Logged as requested.
    }
    writeSync(2, `require ${path}\n`);
  }
  return loaded;
};
