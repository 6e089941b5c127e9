import type { Command } from 'commander';

export default function define(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of journey maps (for editors and other tools)')
    .option('--config', 'print the schema of journeymap.config.yaml instead')
    .addHelpText(
      'after',
      `
Examples:
  $ journeymap schema > journeymap.schema.json
  $ journeymap schema --config > journeymap.config.schema.json

The schema is also in the package: node_modules/journeymap/schemas/journeymap.schema.json`,
    )
    .action(async (options) => {
      const { runSchema } = await import('../commands/schema.js');
      process.exitCode = await runSchema(options);
    });
}
