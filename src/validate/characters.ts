import { codePoint, describeCharacter, invalidCharacter } from '../text/characters.js';
import type { RawFinding } from './finding.js';

/**
 * A finding for every text (or key) of the map that holds a character no page can show, at its place. One
 * walk over the data with one path stack: clean maps, the common case, allocate nothing here.
 */
export function characterFindings(data: unknown): RawFinding[] {
  const findings: RawFinding[] = [];
  const path: (string | number)[] = [];
  const report = (bad: string, target?: 'key') =>
    findings.push({
      ruleId: 'invalid-character',
      message: `the ${target ?? 'text'} holds ${codePoint(bad)}, a ${describeCharacter(bad)} that no page or image can show: remove it`,
      path: [...path],
      ...(target && { target }),
    });
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      const bad = invalidCharacter(value);
      if (bad !== undefined) report(bad);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const key in value) {
        path.push(key);
        const bad = invalidCharacter(key);
        if (bad !== undefined) report(bad, 'key');
        visit((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(data);
  return findings;
}
