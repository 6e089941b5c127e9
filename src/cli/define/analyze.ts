import type { Command } from 'commander';

// Not implemented yet: defined by the engineer who builds the 'analyze' command.
export default function define(_program: Command): void {}
