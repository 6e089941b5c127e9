// Preloaded with `node --require`: when the program exits, writes each of Node's own modules it loaded
// to stderr, one `builtin <name>` line each, so a test can check that a command stays clear of some.
const { writeSync } = require('node:fs');

process.on('exit', () => {
  const names = process.moduleLoadList.filter((entry) => entry.startsWith('NativeModule ')).map((entry) => entry.slice('NativeModule '.length));
  writeSync(2, names.map((name) => `builtin ${name}\n`).join(''));
});
