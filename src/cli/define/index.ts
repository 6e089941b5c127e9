import type { Command } from 'commander';
import analyze from './analyze.js';
import build from './build.js';
import diff from './diff.js';
import exportMap from './export.js';
import importMap from './import.js';
import init from './init.js';
import schedule from './schedule.js';
import schema from './schema.js';
import serve from './serve.js';
import site from './site.js';
import validate from './validate.js';

/**
 * Every command, in the order `--help` lists them. A definition only declares options (it loads
 * commander and nothing else); its action imports the command's code when it runs.
 */
export const commands: ((program: Command) => void)[] = [validate, build, site, init, serve, schema, analyze, diff, schedule, exportMap, importMap];
