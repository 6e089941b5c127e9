// Preloaded with `node --import`: writes every module URL the program resolves to stderr, one per line,
// so a test can check what a command loads. The hooks run on a thread of their own: the write is
// synchronous, or the last lines could still be queued there when a quick command exits.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`import { writeSync } from 'node:fs';
    export async function resolve(specifier, context, next) {
      const result = await next(specifier, context);
      writeSync(2, 'import ' + result.url + '\\n');
      return result;
    }`),
);
