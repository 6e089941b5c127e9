import type { ErrorObject } from 'ajv/dist/2020.js';
import { parseWithPositions } from '../load/parse.js';
import { locateFinding } from '../load/positions.js';
import { compareFindings, formatPath, type FileReport, type Finding, type RawFinding } from '../validate/finding.js';
import { didYouMean } from '../validate/suggest.js';
import type { JourneymapConfig } from '../types/config.js';
import { validateConfig as validate } from './quick-check.js';

/**
 * Checks the text of a configuration file against its schema, with the same located findings as a map.
 * An empty file (or one holding only comments) is an empty configuration.
 */
export function checkConfigText(text: string, file: string): { report: FileReport; config?: JourneymapConfig } {
  const parsed = parseWithPositions(text);
  const raw: RawFinding[] = parsed.findings.filter((f) => f.ruleId !== 'empty-file' && f.ruleId !== 'yaml-warning');
  for (const f of raw) if (f.ruleId === 'not-a-map') f.message = 'the top level of a configuration must be a mapping of settings';
  const data = raw.length ? undefined : (parsed.data ?? {});
  if (data !== undefined && !validate(data)) raw.push(...(validate.errors ?? []).map(toFinding));
  const findings: Finding[] = raw.map((f) => ({
    file,
    ...locateFinding(f, parsed.document, parsed.lineCounter),
    severity: 'error',
    ruleId: f.ruleId,
    message: f.message,
    path: formatPath(f.path),
  }));
  findings.sort(compareFindings);
  const report: FileReport = { file, findings, source: text };
  return findings.length ? { report } : { report, config: data as JourneymapConfig };
}

function toFinding(error: ErrorObject): RawFinding {
  const path = error.instancePath ? error.instancePath.slice(1).split('/').map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~'))) : [];
  const name = path.length ? `\`${path.map(String).join('.')}\`` : 'the configuration';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys(((error.parentSchema as Record<string, unknown>)?.properties as object) ?? {});
      const what = path.at(-1) === 'rules' ? 'unknown rule' : 'unknown setting';
      return { ruleId: 'unknown-property', message: `${what} \`${key}\`${didYouMean(key, known)}`, path: [...path, key], target: 'key' };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return { ruleId: 'invalid-value', message: `${name} must be one of ${allowed.join(', ')}${didYouMean(String(error.data ?? ''), allowed)}`, path };
    }
    case 'type':
      return { ruleId: 'invalid-type', message: `${name} must be ${params.type === 'array' ? 'a list' : params.type === 'object' ? 'a mapping' : params.type}`, path };
    default:
      return { ruleId: 'invalid-value', message: `${name} ${error.message ?? 'is not valid'}`, path };
  }
}
