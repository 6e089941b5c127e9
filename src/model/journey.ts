import type { Channel, JourneyMap, Metric, Persona, Timing } from '../types/journeymap.js';
import { analyseJourney } from './analysis.js';
import { outreachCount, touchpointCount } from './contacts.js';
import { builtinChannels, isBuiltinChannel, type BuiltinChannelId } from './channels.js';
import { resolveMilestones, resolveTiming } from './milestones.js';
import { resolveThresholds, type Thresholds } from './thresholds.js';
import type { GapModel, JourneyModel, OpportunityModel, OutreachModel, ResolvedChannel, SegmentModel, StageModel, TouchpointModel } from './types.js';

export interface JourneyOptions {
  /** The run's thresholds over the defaults (configuration `analyze`, command line). */
  thresholds?: Partial<Thresholds>;
}

/** Builds the model of a map that passed validation (references are trusted to resolve), and its analysis. */
export function buildJourney(map: JourneyMap, options: JourneyOptions = {}): JourneyModel {
  const custom = new Map<string, Channel>((map.channels ?? []).map((c) => [c.id, c]));
  const usedChannels = new Map<string, ResolvedChannel>();
  const channel = (id: string): ResolvedChannel => {
    let resolved = usedChannels.get(id);
    if (!resolved) {
      const declared = custom.get(id);
      const icon: BuiltinChannelId = declared?.icon ?? (isBuiltinChannel(id) ? id : 'web');
      resolved = { id, name: declared?.name ?? (isBuiltinChannel(id) ? builtinChannels[id] : id), icon };
      usedChannels.set(id, resolved);
    }
    return resolved;
  };
  const personas = map.personas ?? [];
  const personaById = new Map(personas.map((p) => [p.id, p]));
  const segments: SegmentModel[] = (map.segments ?? []).map((source) => ({ id: source.id, name: source.name, source, personas: personas.filter((p) => p.segment === source.id) }));
  const segmentById = new Map(segments.map((s) => [s.id, s]));
  const segmentsOf = (ids: string[] | undefined) => (ids ?? []).map((id) => segmentById.get(id)).filter((s): s is SegmentModel => s !== undefined);
  const state = map.state ?? 'current';
  const milestones = resolveMilestones(map.milestones ?? []);
  const timing = (t: Timing | undefined) => (t ? resolveTiming(t, milestones) : undefined);

  const touchpoints: TouchpointModel[] = [];
  const stages: StageModel[] = map.stages.map((stage, stageIndex) => {
    const own = (stage.touchpoints ?? []).map((source): TouchpointModel => {
      const index = touchpoints.length;
      const model: TouchpointModel = {
        ref: `T${index + 1}`,
        index,
        stageIndex,
        source,
        channel: channel(source.channel),
        personas: (source.personas ?? []).map((id) => personaById.get(id)).filter((p): p is Persona => p !== undefined),
        segments: segmentsOf(source.segments),
        gaps: [],
        timing: timing(source.timing),
        contact: { counts: false, why: '' },
      };
      model.contact = touchpointCount(model);
      touchpoints.push(model);
      return model;
    });
    return { index: stageIndex, source: stage, touchpoints: own, gaps: [], opportunities: [], outreach: [] };
  });
  const stageIndex = new Map(map.stages.map((s, i) => [s.id, i]));
  const touchpointById = new Map(touchpoints.map((t) => [t.source.id, t]));
  const byStage = <T extends { stage: string }>(items: T[]) =>
    items.map((item, order) => ({ item, order, stage: stageIndex.get(item.stage) ?? 0 })).sort((a, b) => a.stage - b.stage || a.order - b.order);

  const gaps: GapModel[] = byStage(map.gaps ?? []).map(({ item, stage }, i) => {
    const gap: GapModel = {
      ref: `G${i + 1}`,
      stageIndex: stage,
      severity: item.severity ?? 'medium',
      source: item,
      touchpoints: (item.touchpoints ?? []).map((id) => touchpointById.get(id)).filter((t): t is TouchpointModel => t !== undefined),
      timing: timing(item.timing),
    };
    for (const t of gap.touchpoints) t.gaps.push(gap);
    stages[stage].gaps.push(gap);
    return gap;
  });
  const opportunities: OpportunityModel[] = [];
  for (const gap of gaps) {
    if (gap.source.opportunity === undefined) continue;
    gap.opportunity = { ref: `O${opportunities.length + 1}`, text: gap.source.opportunity, gap };
    opportunities.push(gap.opportunity);
    stages[gap.stageIndex].opportunities.push(gap.opportunity);
  }
  const gapById = new Map(gaps.map((g) => [g.source.id, g]));
  const outreach: OutreachModel[] = byStage(map.outreach ?? []).map(({ item, stage }, i) => {
    const model: OutreachModel = {
      ref: `C${i + 1}`,
      stageIndex: stage,
      source: item,
      channel: channel(item.channel),
      gaps: (item.gaps ?? []).map((id) => gapById.get(id)).filter((g): g is GapModel => g !== undefined),
      touchpoints: (item.touchpoints ?? []).map((id) => touchpointById.get(id)).filter((t): t is TouchpointModel => t !== undefined),
      segments: segmentsOf(item.segments),
      timing: timing(item.timing),
      contact: { counts: false, why: '' },
    };
    model.contact = outreachCount(model, state);
    stages[stage].outreach.push(model);
    return model;
  });
  const analysis = analyseJourney({ stages, touchpoints, gaps, outreach, segments, milestones }, resolveThresholds(options.thresholds, map.thresholds));
  return { map, stages, touchpoints, gaps, opportunities, outreach, personas, segments, milestones, channels: [...usedChannels.values()], analysis };
}

/** All metrics of a stage with where they come from: the stage itself, or one of its touchpoints. */
export function stageMetrics(stage: StageModel): { metric: Metric; touchpoint?: TouchpointModel }[] {
  return [
    ...(stage.source.metrics ?? []).map((metric) => ({ metric })),
    ...stage.touchpoints.flatMap((touchpoint) => (touchpoint.source.metrics ?? []).map((metric) => ({ metric, touchpoint }))),
  ];
}
