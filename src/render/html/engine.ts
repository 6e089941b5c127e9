import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { JourneymapError, ExitCode } from '../../errors.js';
import { precompiled } from './templates.generated.js';

const require = createRequire(import.meta.url);

type Template = (context: unknown, options?: object) => string;
interface HandlebarsEnv {
  template(spec: object): Template;
  partials: Record<string, Template>;
  helpers: Record<string, unknown>;
}

/** The same options the build script precompiles with: only the built-in block helpers, always escaping. */
const COMPILE_OPTIONS = { knownHelpers: {}, knownHelpersOnly: true, noEscape: false, strict: false, preventIndent: true };
/** Runtime options: no prototype access from templates, no calls to missing helpers. */
const RUNTIME_OPTIONS = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false, allowCallsToHelperMissing: false };

export const TEMPLATE_NAMES = Object.keys(precompiled);

let builtIn: HandlebarsEnv | undefined;

function freshEnv(): HandlebarsEnv {
  const runtime = require('handlebars/runtime') as { create(): HandlebarsEnv };
  const env = runtime.create();
  // `log` and `lookup` are harmless, but nothing a template needs beyond if/unless/each/with.
  delete env.helpers.log;
  return env;
}

function install(env: HandlebarsEnv, specs: Record<string, object>): void {
  for (const [name, spec] of Object.entries(specs)) if (name !== 'page') env.partials[name] = env.template(spec);
}

interface Overrides {
  page?: Template;
  env: HandlebarsEnv;
}

const overrideCache = new Map<string, Overrides>();

/** Rejects `{{{ }}}` and `{{& }}`: a user's template gets the same escaping guarantee as ours. */
function checkEscaping(compiler: { parse(src: string): unknown }, source: string, file: string): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; escaped?: boolean; loc?: { start: { line: number; column: number } } };
    if (n.type === 'MustacheStatement' && n.escaped === false) {
      const at = n.loc ? `:${n.loc.start.line}:${n.loc.start.column + 1}` : '';
      throw new JourneymapError(`${file}${at}: unescaped output ({{{ }}} or {{& }}) is not allowed in templates; journeymap escapes every value`, ExitCode.usage);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(compiler.parse(source));
}

/**
 * Compiles a `--templates` folder: any `NAME.hbs` replaces the built-in partial (or page) of that name.
 * Compiled templates are kept by content, so a long-running watch or server sees edits to the folder.
 */
function loadOverrides(dir: string): Overrides {
  let files: string[];
  let sources: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.hbs')).sort();
    sources = files.map((f) => readFileSync(join(dir, f), 'utf8'));
  } catch {
    throw new JourneymapError(`--templates ${dir}: cannot read the folder`, ExitCode.usage);
  }
  const key = files.map((f, i) => `${f}\0${sources[i]}`).join('\0');
  const cached = overrideCache.get(key);
  if (cached) return cached;
  const compiler = require('handlebars') as { create(): HandlebarsEnv & { compile(src: string, o: object): Template }; parse(src: string): unknown };
  const env = compiler.create();
  delete env.helpers.log;
  install(env, precompiled);
  let page: Template | undefined;
  for (const [i, file] of files.entries()) {
    const name = file.replace(/\.hbs$/, '');
    if (!TEMPLATE_NAMES.includes(name)) {
      throw new JourneymapError(`--templates ${join(dir, file)}: no template is called "${name}"; overridable: ${TEMPLATE_NAMES.join(', ')}`, ExitCode.usage);
    }
    const source = sources[i];
    try {
      // Parsing first surfaces syntax errors here, with the file name; compile itself is lazy.
      checkEscaping(compiler, source, join(dir, file));
    } catch (error) {
      if (error instanceof JourneymapError) throw error;
      throw new JourneymapError(`--templates ${join(dir, file)}: ${(error as Error).message.split('\n')[0]}`, ExitCode.usage);
    }
    const template = env.compile(source, COMPILE_OPTIONS);
    if (name === 'page') page = template;
    else env.partials[name] = template;
  }
  const result = { page, env };
  overrideCache.set(key, result);
  return result;
}

/** Renders the page template with the view model, with the built-in templates or a user's overrides. */
export function renderPage(view: unknown, templatesDir?: string): string {
  let page: Template;
  if (templatesDir) {
    const overrides = loadOverrides(templatesDir);
    page = overrides.page ?? overrides.env.template(precompiled.page);
  } else {
    if (!builtIn) {
      builtIn = freshEnv();
      install(builtIn, precompiled);
    }
    page = builtIn.template(precompiled.page);
  }
  try {
    return page(view, RUNTIME_OPTIONS);
  } catch (error) {
    // Only a user's --templates can fail here (the built-in ones are tested): a usage error, not a bad map.
    throw new JourneymapError(`--templates ${templatesDir ?? ''}: ${(error as Error).message.split('\n')[0]}`, templatesDir ? ExitCode.usage : ExitCode.invalid);
  }
}
