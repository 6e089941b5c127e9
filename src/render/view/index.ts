import { describeHole } from '../../model/analysis.js';
import { buildJourney } from '../../model/journey.js';
import type { Thresholds } from '../../model/thresholds.js';
import { reaches } from '../../model/contacts.js';
import { SEVERITIES, type ContactHole, type JourneyModel, type SegmentModel } from '../../model/types.js';
import type { JourneyMap } from '../../types/journeymap.js';
import { stageViews } from './items.js';
import { describeMap } from './summary.js';
import type { ChannelView, DocumentView, HoleView, LegendView, MapView, OutreachRowView, OutreachView, StageView } from './types.js';
import { placeInTime } from './time.js';
import { dayShort, emotionView, headerFacts, severityWord, STATUS_WORDS } from './words.js';

export type * from './types.js';

/** A hole before it is placed in its column's time. */
type Unplaced<T> = Omit<T, 'from' | 'to'>;

/**
 * The fields of a view that hold whichever of the map's stages are shown. Of the whole map's contact holes
 * and lowest point, a sheet shows those in its own stages.
 */
type WholeMap = Omit<MapView, 'summary' | 'legend' | 'stages' | 'touchpoints' | 'gaps' | 'opportunities' | 'outreach' | 'sheet'>;

export interface ViewOptions {
  /** The run's analysis thresholds over the defaults: they decide the contact holes the map shows. */
  thresholds?: Partial<Thresholds>;
}

/** What a valid map shows, built once from its model; every renderer and printing read this. */
export function buildMapView(map: JourneyMap, options: ViewOptions = {}): MapView {
  const model = buildJourney(map, { thresholds: options.thresholds });
  const heading = `${map.kind ?? 'customer'} journey map`;
  const state = map.state ?? 'current';
  const stages = stageViews(model);
  const placed = placeInTime(
    model,
    stages,
    model.milestones.map((m) => {
      const when = dayShort(m.day);
      return { name: m.name, day: m.day, when, label: when === 'Day 0' ? `Day 0 \u00b7 ${m.name}` : `${m.name} \u00b7 ${when}` };
    }),
  );
  const document: DocumentView = {
    title: map.title,
    author: map.owner,
    subject: `${map.kind ? `${map.kind[0].toUpperCase()}${map.kind.slice(1)} journey map` : 'Journey map'}${map.subtitle ? ` \u2014 ${map.subtitle}` : ''}${map.state ? ` (${map.state} state)` : ''}`,
    keywords: map.tags ?? [],
    date: map.date,
    state: map.state ? `${map.state === 'future' ? 'Future' : 'Current'} state` : undefined,
  };
  const whole: WholeMap = {
    heading,
    title: map.title,
    subtitle: map.subtitle,
    fullTitle: map.subtitle ? `${map.title} \u2014 ${map.subtitle}` : map.title,
    lang: map.lang ?? 'en',
    description: map.description,
    state,
    facts: headerFacts(map, model.personas),
    personas: model.personas.map((p) => ({ name: p.name, age: p.age, description: p.description, quote: p.quote, goals: p.goals ?? [] })),
    milestones: placed.milestones,
    footer: { sources: map.sources ?? [], owner: map.owner, confidentiality: map.confidentiality, tags: map.tags ?? [] },
    document,
    stageCount: map.stages.length,
    holes: holeViews(model.analysis.holes).map(placed.hole),
    outreachRows: rowViews(model).map((row) => ({ ...row, holes: row.holes.map(placed.hole) })),
    lowest: model.analysis.lowest?.ref,
  };
  return showing(whole, stages);
}

/**
 * One sheet of a map printed across several: the whole map's view cut to some stage columns. Items keep
 * the whole map's numbers, stage numbers and tints (T9 on sheet 2 is the T9 of the unsplit map); the
 * summary, legend and contact holes are those of the stages shown.
 */
export function sheetView(view: MapView, range: { from: number; to: number }, part?: { number: number; count: number }): MapView {
  const sheet = part && part.count > 1 ? { ...part, firstStage: range.from, words: sheetWords(part, range, view.stageCount) } : undefined;
  return showing(view, view.stages.slice(range.from, range.to), sheet);
}

function showing(whole: WholeMap, stages: StageView[], sheet?: MapView['sheet']): MapView {
  const touchpoints = stages.flatMap((s) => s.touchpoints);
  const gaps = stages.flatMap((s) => s.gaps);
  const outreach = stages.flatMap((s) => s.outreach);
  const shown = new Set(stages.map((s) => s.number));
  const shownOutreach = new Set(outreach.map((o) => o.ref));
  const channels = new Map<string, ChannelView>();
  for (const item of [...touchpoints, ...outreach]) if (!channels.has(item.channel.id)) channels.set(item.channel.id, item.channel);
  return {
    ...whole,
    summary: describeMap(whole, { stages, touchpoints, gaps, outreach }),
    legend: {
      channels: [...channels.values()],
      severities: gaps.length ? SEVERITIES.map((severity) => ({ severity, word: severityWord(severity) })) : [],
      emotions: touchpoints.some((t) => t.emotion) ? [-2, -1, 0, 1, 2].map(emotionView) : [],
      outreach: outreachLooks(outreach),
    },
    stages,
    touchpoints,
    gaps,
    opportunities: stages.flatMap((s) => s.opportunities),
    outreach,
    milestones: whole.milestones.filter((m) => shown.has(m.stage)),
    holes: whole.holes.filter((h) => shown.has(h.stage)),
    outreachRows: whole.outreachRows.map((row) => ({ ...row, outreach: row.outreach.filter((ref) => shownOutreach.has(ref)), holes: row.holes.filter((h) => shown.has(h.stage)) })),
    lowest: touchpoints.some((t) => t.ref === whole.lowest) ? whole.lowest : undefined,
    sheet,
  };
}

/** "Sheet 2 of 3 · stages 5–8 of 12 · continued from sheet 1", for the header of a split print. */
function sheetWords(part: { number: number; count: number }, range: { from: number; to: number }, stageCount: number): string {
  const continued = [part.number > 1 && `continued from sheet ${part.number - 1}`, part.number < part.count && `continues on sheet ${part.number + 1}`].filter(Boolean).join(', ');
  const stages = range.to - range.from === 1 ? `stage ${range.to}` : `stages ${range.from + 1}\u2013${range.to}`;
  return `Sheet ${part.number} of ${part.count} \u00b7 ${stages} of ${stageCount}${continued ? ` \u00b7 ${continued}` : ''}`;
}

/** The model's contact holes as the map shows them: of all patients, or of one segment. */
function holeViews(holes: ContactHole[], segment?: SegmentModel): Unplaced<HoleView>[] {
  return holes.map((hole) => ({
    start: hole.start,
    end: hole.end,
    days: hole.days,
    length: hole.length,
    words: hole.words,
    sentence: describeHole(hole, segment),
    gap: hole.gap?.ref,
    label: `Contact hole \u00b7 ${hole.length}${hole.gap ? ` \u00b7 ${hole.gap.ref}` : ''}`,
    stage: hole.stageIndex + 1,
    segment: segment?.name,
  }));
}

/** The outreach lane's rows: one per segment with what reaches it, or one for all patients. */
function rowViews(model: JourneyModel): (Omit<OutreachRowView, 'holes'> & { holes: Unplaced<HoleView>[] })[] {
  const { analysis } = model;
  if (analysis.segments.length === 0) return [{ label: 'All patients', outreach: model.outreach.map((o) => o.ref), holes: holeViews(analysis.holes) }];
  return analysis.segments.map(({ segment, holes }) => ({
    segment: { id: segment.id, name: segment.name, share: segment.source.share },
    label: segment.source.share === undefined ? segment.name : `${segment.name} \u00b7 ${segment.source.share}%`,
    outreach: model.outreach.filter((o) => reaches(o, segment)).map((o) => o.ref),
    holes: holeViews(holes, segment),
  }));
}

/** The looks of the campaigns' statuses in the legend: each look present, with the statuses it stands for. */
function outreachLooks(outreach: OutreachView[]): LegendView['outreach'] {
  const looks = [
    { look: 'live' as const, statuses: ['live'] },
    { look: 'proposed' as const, statuses: ['idea', 'planned'] },
    { look: 'stopped' as const, statuses: ['paused', 'retired'] },
  ];
  return looks.flatMap(({ look, statuses }) => {
    const present = statuses.filter((s) => outreach.some((o) => o.statusId === s));
    return present.length ? [{ look, word: present.map((s) => STATUS_WORDS[s]).join(' or ') }] : [];
  });
}
