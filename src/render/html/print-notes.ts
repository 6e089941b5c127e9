import { GRID, layoutColumns } from '../layout/grid.js';
import { TYPE } from '../layout/theme.js';
import { wrap } from '../layout/text.js';
import type { MapView, StageView } from '../view/types.js';
import { PRINT_LIMITS } from './density.js';

/** One thing the map's sheet leaves out or cuts, in full: `T4 · Description: …`. */
export interface NoteEntry {
  /** `T4`, `G2`, `O1`, `C3`, or empty for the stage's own. */
  key: string;
  /** What it is: `Description`, `Thought`, `Goal`… */
  label: string;
  text: string;
}

export interface NoteLane {
  lane: string;
  entries: NoteEntry[];
}

export interface NoteSection {
  /** `05 Behavioral`, or the map's title for the notes about the map as a whole. */
  heading: string;
  lanes: NoteLane[];
}

/**
 * The width the print-dense page gives a stage's text, in CSS px, a little under the real one: a text the
 * estimate finds too long for its lines is put in the notes, so one the browser cuts is never missed.
 */
const SAFETY = 0.9;
const CELL_PADDING = 12;
const GOAL_ICON = 18;

/** Would the sheet cut this text at `lines` lines of a column `width` px wide (at `size` px)? */
function cut(text: string | undefined, width: number, size: number, lines: number): text is string {
  return !!text && wrap(text, width * SAFETY, size, { maxLines: lines }).truncated;
}

/**
 * What the printed map's sheet does not show in full, by stage and lane, keyed by the T/G/O/C numbers:
 * the notes sheet printed after it, so that every word of the map is on paper. The screen page needs none.
 */
export function printNotes(view: MapView): NoteSection[] {
  const sections: NoteSection[] = [];
  const mapLanes: NoteLane[] = [];
  if (view.description) mapLanes.push({ lane: 'Scope', entries: [{ key: '', label: '', text: view.description }] });
  const personas = view.personas.flatMap((p) => [
    ...(p.quote ? [{ key: '', label: `${p.name} says`, text: p.quote }] : []),
    ...(p.goals.length ? [{ key: '', label: `${p.name} wants to`, text: p.goals.join(' \u00b7 ') }] : []),
  ]);
  if (personas.length) mapLanes.push({ lane: 'Personas', entries: personas });
  if (mapLanes.length) sections.push({ heading: view.title, lanes: mapLanes });

  const columns = layoutColumns(view.stages, 0);
  view.stages.forEach((stage, k) => {
    const lanes = stageNotes(stage, columns[k].width - CELL_PADDING).filter((lane) => lane.entries.length);
    if (lanes.length) sections.push({ heading: `${String(stage.number).padStart(2, '0')} ${stage.name}`, lanes });
  });
  return sections;
}

function stageNotes(stage: StageView, width: number): NoteLane[] {
  const beyond = <T>(items: T[], limit: number) => items.slice(limit);
  const stageEntries: NoteEntry[] = [];
  if (cut(stage.description, width, TYPE.body, 2)) stageEntries.push({ key: '', label: 'What happens', text: stage.description });
  if (cut(stage.goal, width - GOAL_ICON, TYPE.body, 1)) stageEntries.push({ key: '', label: 'Goal', text: stage.goal });
  return [
    { lane: 'Stage', entries: stageEntries },
    {
      lane: 'Touchpoints',
      // On paper a card keeps what identifies it; its description is here.
      entries: stage.touchpoints.filter((t) => t.description).map((t) => ({ key: t.ref, label: t.name, text: t.description! })),
    },
    { lane: 'Thoughts', entries: beyond(stage.thoughts, PRINT_LIMITS.thoughts).map((n) => ({ key: n.ref, label: '', text: n.text })) },
    { lane: 'Pain points', entries: beyond(stage.painPoints, PRINT_LIMITS.painPoints).map((n) => ({ key: n.ref, label: '', text: n.text })) },
    {
      lane: 'Gaps',
      entries: stage.gaps.filter((g) => cut(g.description, GRID.cardWidth - 16, TYPE.small, 2)).map((g) => ({ key: g.ref, label: g.title, text: g.description! })),
    },
    { lane: 'Outreach', entries: stage.outreach.map((o) => ({ key: o.ref, label: '', text: o.title })) },
    {
      lane: 'Metrics',
      entries: stage.metrics.flatMap((m, i) => {
        const shown = i < PRINT_LIMITS.metrics;
        const text = [shown ? undefined : m.value, shown ? undefined : m.target, m.source && `Source: ${m.source}`].filter(Boolean).join(' \u00b7 ');
        // A metric on the sheet shows its value and target; only its source is left to the notes.
        if (shown && !m.source) return [];
        return [{ key: m.ref ?? '', label: m.name, text }];
      }),
    },
  ];
}
