import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';

const commands = ['validate', 'build', 'init', 'serve', 'schema', 'analyze', 'diff', 'export', 'import'];

describe('--help', () => {
  it('lists every command', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    for (const command of commands) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each(commands)('%s --help shows examples that use the command', (command) => {
    const help = run([command, '--help']);
    expect(help.status).toBe(0);
    expect(help.stderr).toBe('');
    const examples = help.stdout.slice(help.stdout.indexOf('Examples:'));
    expect(examples).toMatch(new RegExp(`\\$ journeymap ${command}\\b`));
  });
});
