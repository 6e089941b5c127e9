import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { RawFinding } from './finding.js';
// Compiled from the schema at build time (scripts/gen-validator.mjs): no run pays for compiling it.
import thorough from './generated/thorough.js';
import { closest, didYouMean, slugify } from './suggest.js';

const require = createRequire(import.meta.url);
/** The format's single source of truth, shipped in the package. */
export const schema = require('../../schemas/journeymap.schema.json') as Record<string, unknown>;

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Every schema error of the data, as findings with a message a map author can act on. */
export function schemaFindings(data: unknown): RawFinding[] {
  const validate = thorough as CompiledValidator;
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  // The validator would hold its errors, and through them the whole data, until its next call.
  validate.errors = null;
  // A failed `anyOf` also reports why each branch failed; the `anyOf` error alone says it better.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  // A misspelt required key (`chanel` for `channel`) is one mistake: report the unknown key, which
  // suggests the right spelling, not also the missing property.
  const unknownKeys = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const keys = unknownKeys.get(e.instancePath);
    if (keys) keys.push(String(e.params.additionalProperty));
    else unknownKeys.set(e.instancePath, [String(e.params.additionalProperty)]);
  }
  const isTypo = (e: ErrorObject) =>
    e.keyword === 'required' && (unknownKeys.get(e.instancePath) ?? []).some((key) => closest(key, [String(e.params.missingProperty)]) !== undefined);
  return errors.filter((e) => !(e.schemaPath.includes('/anyOf/') && anyOfPaths.has(e.instancePath)) && !isTypo(e)).map(toFinding);
}

function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function name(path: (string | number)[]): string {
  const last = path.at(-1);
  if (typeof last === 'number') return `item ${last + 1} of \`${String(path.at(-2))}\``;
  return last === undefined ? 'the map' : `\`${last}\``;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `\`${value.length > 60 ? `${value.slice(0, 57)}...` : value}\``;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `\`${String(value)}\``;
}

function typeOf(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : String(value);
  if (typeof value === 'boolean') return 'true/false';
  return 'text';
}

const typeNames: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', array: 'a list', object: 'a mapping', boolean: 'true or false' };

function toFinding(error: ErrorObject): RawFinding {
  const path = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const parent = error.parentSchema as Record<string, unknown> | undefined;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      if (missing === 'journeymap' && path.length === 0) {
        return { ruleId: 'format-version', message: 'missing `journeymap: 1` (the format version) at the top of the map', path, target: 'value' };
      }
      return { ruleId: 'required-property', message: `missing required property \`${missing}\`${where(path, error.data)}`, path, target: 'value' };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((parent?.properties as object) ?? {});
      // `{description: Retired, lives alone}`: a comma in a flow mapping starts a new key.
      const hint = /\s/.test(key) && !didYouMean(key, known) ? ' (a comma inside `{...}` starts a new key: put text with commas in quotes)' : didYouMean(key, known);
      return { ruleId: 'unknown-property', message: `unknown property \`${key}\`${where(path, error.data)}${hint}`, path: [...path, key], target: 'key' };
    }
    case 'const':
      if (path.length === 1 && path[0] === 'journeymap') {
        return { ruleId: 'format-version', message: `unsupported format version ${show(error.data)}: this journeymap reads version 1 (\`journeymap: 1\`)`, path };
      }
      return { ruleId: 'invalid-value', message: `${name(path)} must be ${show(params.allowedValue)}`, path };
    case 'type': {
      const expected = String(params.type).split(',').map((t) => typeNames[t] ?? t).join(' or ');
      return { ruleId: 'invalid-type', message: `${name(path)} must be ${expected}, not ${typeOf(error.data)}`, path };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return { ruleId: 'invalid-value', message: `${name(path)} must be one of ${allowed.join(', ')}; got ${show(error.data)}${didYouMean(String(error.data), allowed)}`, path };
    }
    case 'minimum':
    case 'maximum': {
      const min = parent?.minimum;
      const max = parent?.maximum;
      const range = min !== undefined && max !== undefined ? `between ${min} and ${max}` : error.keyword === 'minimum' ? `at least ${min}` : `at most ${max}`;
      return { ruleId: 'invalid-value', message: `${name(path)} must be ${range}; got ${show(error.data)}`, path };
    }
    case 'pattern':
      return { ruleId: 'invalid-value', message: patternMessage(path, String(error.data), String(params.pattern)), path };
    case 'format':
      return { ruleId: 'invalid-value', message: `${name(path)} must be a date written YYYY-MM-DD; got ${show(error.data)}`, path };
    case 'minLength':
      return { ruleId: 'invalid-value', message: `${name(path)} must not be empty`, path };
    case 'maxLength':
      return { ruleId: 'invalid-value', message: `${name(path)} is longer than ${params.limit} characters`, path };
    case 'minItems':
      return { ruleId: 'invalid-value', message: `${name(path)} needs at least ${params.limit} item${params.limit === 1 ? '' : 's'}`, path };
    case 'uniqueItems':
      return { ruleId: 'invalid-value', message: `${name(path)} lists the same value twice (items ${Number(params.j) + 1} and ${Number(params.i) + 1})`, path: [...path, Number(params.i)] };
    case 'anyOf':
      return { ruleId: 'required-property', message: `${name(path)} needs either \`at\` (a moment) or \`from\` and \`to\` (a window)`, path };
    case 'false schema':
      return { ruleId: 'invalid-value', message: `${name(path)} cannot be combined with \`at\`: give a moment (\`at\`) or a window (\`from\`/\`to\`)`, path, target: 'key' };
    case 'dependentRequired':
      return { ruleId: 'required-property', message: `\`${params.property}\` needs \`${params.missingProperty}\` beside it${where(path, error.data)}`, path };
    default:
      return { ruleId: 'invalid-value', message: `${name(path)} ${error.message ?? 'is not valid'}`, path };
  }
}

/** Where in the map: `in touchpoint \`symptom-search\``, or by position when the item has no id. */
function where(path: (string | number)[], data?: unknown): string {
  if (path.length === 0) return ' at the top of the map';
  const last = path.at(-1);
  if (typeof last === 'number') {
    const list = String(path.at(-2));
    const kinds: Record<string, string> = { stages: 'stage', touchpoints: 'touchpoint', gaps: 'gap', outreach: 'outreach item', personas: 'persona', segments: 'segment', channels: 'channel', milestones: 'milestone', metrics: 'metric' };
    const id = (data as { id?: unknown } | undefined)?.id;
    if (list in kinds && typeof id === 'string' && id) return ` in ${kinds[list]} \`${id}\``;
    return ` in ${kinds[list] ?? 'item'} ${last + 1}${list in kinds ? '' : ` of \`${list}\``}`;
  }
  return ` in \`${String(last)}\``;
}

function patternMessage(path: (string | number)[], value: string, pattern: string): string {
  const field = String(path.filter((p) => typeof p === 'string').at(-1));
  if (pattern.startsWith('^[a-z0-9]')) {
    const slug = slugify(value);
    const hint = slug && slug !== value ? `, e.g. \`${slug}\`` : '';
    return `${show(value)} is not a valid ${field === 'id' ? 'id' : 'reference'}: use lowercase letters, digits and hyphens${hint}`;
  }
  if (pattern.includes('https?')) return `${show(value)} is not an allowed link: only http://, https:// and mailto: links`;
  if (pattern.startsWith('^[+-]?')) return `${show(value)} is not a valid offset: a signed number and a unit h, d, w, mo or y, e.g. \`-6w\` or \`+2d\``;
  return `${show(value)} is not a valid duration: a number and a unit h, d, w, mo or y, e.g. \`1w\``;
}
