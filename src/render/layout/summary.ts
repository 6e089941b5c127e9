import type { JourneyModel } from '../../model/journey.js';
import { SEVERITIES } from '../../model/journey.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One paragraph that says what the map holds, for SVG `<desc>` and the HTML meta description. */
export function describeMap(model: JourneyModel): string {
  const map = model.map;
  const bySeverity = SEVERITIES.map((s) => [s, model.gaps.filter((g) => g.severity === s).length] as const).filter(([, c]) => c > 0);
  const parts = [
    `${map.state === 'future' ? 'Future-state' : 'Current-state'} ${map.kind ?? 'customer'} journey map`,
    `${plural(model.stages.length, 'stage')} (${model.stages.map((s) => s.source.name).join(', ')})`,
    plural(model.touchpoints.length, 'touchpoint'),
  ];
  if (model.gaps.length) parts.push(`${plural(model.gaps.length, 'gap')} (${bySeverity.map(([s, c]) => `${c} ${s}`).join(', ')})`);
  if (model.outreach.length) parts.push(plural(model.outreach.length, 'outreach item'));
  return `${parts.join(', ')}.${map.description ? ` ${map.description}` : ''}`;
}
