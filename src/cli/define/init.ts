import { Command, Option } from 'commander';
import { DEFAULT_INIT_FILE, INIT_TEMPLATES } from '../../init/index.js';

export default function define(program: Command): void {
  program
    .command('init')
    .description('write a commented starter map that validates')
    .argument('[file]', `the map to create (a name without .yaml gets .journey.yaml), or - for stdout`, DEFAULT_INIT_FILE)
    .addOption(new Option('-t, --template <name>', 'what kind of journey to start from').choices(INIT_TEMPLATES).default('patient'))
    .option('--force', 'overwrite the file if it exists')
    .addHelpText(
      'after',
      `
Examples:
  $ journeymap init                                    map.journey.yaml, the six patient-journey stages
  $ journeymap init maps/knee --template patient       maps/knee.journey.yaml, folders made as needed
  $ journeymap init onboarding.journey.yaml -t customer
  $ journeymap init - --template blank > draft.journey.yaml`,
    )
    .action(async (file: string, options) => {
      const { runInit } = await import('../commands/init.js');
      process.exitCode = await runInit(file, options);
    });
}
