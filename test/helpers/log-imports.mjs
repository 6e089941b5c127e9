// Preloaded with `node --import`: writes every module URL the program resolves to stderr, one per line,
// so a test can check what a command loads.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      const result = await next(specifier, context);
      process.stderr.write('import ' + result.url + '\\n');
      return result;
    }`),
);
