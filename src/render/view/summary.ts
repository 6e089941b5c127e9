import { SEVERITIES } from '../../model/types.js';
import { plural } from '../../words.js';
import type { GapView, OutreachView, StageView, TouchpointView } from './types.js';

/** One paragraph that says what the shown stages hold, for SVG `<desc>` and the HTML meta description. */
export function describeMap(
  about: { heading: string; state: 'current' | 'future'; description?: string },
  shown: { stages: StageView[]; touchpoints: TouchpointView[]; gaps: GapView[]; outreach: OutreachView[] },
): string {
  const bySeverity = SEVERITIES.map((s) => [s, shown.gaps.filter((g) => g.severity === s).length] as const).filter(([, c]) => c > 0);
  const parts = [
    `${about.state === 'future' ? 'Future-state' : 'Current-state'} ${about.heading}`,
    `${plural(shown.stages.length, 'stage')} (${shown.stages.map((s) => s.name).join(', ')})`,
    plural(shown.touchpoints.length, 'touchpoint'),
  ];
  if (shown.gaps.length) parts.push(`${plural(shown.gaps.length, 'gap')} (${bySeverity.map(([s, c]) => `${c} ${s}`).join(', ')})`);
  if (shown.outreach.length) parts.push(plural(shown.outreach.length, 'outreach item'));
  return `${parts.join(', ')}.${about.description ? ` ${about.description}` : ''}`;
}
