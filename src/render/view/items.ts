import type { ResolvedTiming } from '../../model/milestones.js';
import { stageMetrics } from '../../model/journey.js';
import { SEVERITIES, type GapModel, type JourneyModel, type OutreachModel, type ResolvedChannel, type TouchpointModel } from '../../model/types.js';
import type { ChannelView, GapView, OutreachView, StageView, TimingView, TouchpointView } from './types.js';
import { emotionView, levelWord, metricTarget, prettyValue, safeLink, severityWord, STATUS_WORDS } from './words.js';

const channelView = (c: ResolvedChannel): ChannelView => ({ id: c.id, name: c.name, icon: c.icon });

function timingView(t: ResolvedTiming | undefined): TimingView | undefined {
  return t && { start: t.start, end: t.end, every: t.every, words: t.words, short: t.short };
}

function touchpointView(t: TouchpointModel): TouchpointView {
  const s = t.source;
  const thought = s.thoughts?.[0];
  return {
    ref: t.ref,
    id: s.id,
    name: s.name,
    description: s.description,
    channel: channelView(t.channel),
    actor: s.actor,
    owner: s.owner,
    personas: t.personas.map((p) => p.name),
    timing: timingView(t.timing),
    link: safeLink(s.link),
    emotion: s.emotion === undefined ? undefined : emotionView(s.emotion),
    voice: thought ? `\u201c${thought}\u201d` : s.name,
    gaps: t.gaps.map((g) => ({ ref: g.ref, severity: g.severity, severityWord: severityWord(g.severity) })),
    worst: t.gaps.map((g) => g.severity).sort((a, b) => SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b))[0],
  };
}

function gapView(g: GapModel): GapView {
  return {
    ref: g.ref,
    id: g.source.id,
    title: g.source.title,
    description: g.source.description,
    severity: g.severity,
    severityWord: severityWord(g.severity),
    at: g.touchpoints.map((t) => t.ref),
    status: STATUS_WORDS[g.source.status ?? 'open'],
    owner: g.source.owner,
  };
}

function outreachView(o: OutreachModel): OutreachView {
  const s = o.source;
  const metric = s.metrics?.[0];
  const timing = timingView(o.timing);
  return {
    ref: o.ref,
    id: s.id,
    name: s.name,
    channel: channelView(o.channel),
    timing,
    when: timing ? timing.short : 'no timing',
    detail: [o.channel.name, metric && `${metric.value} ${metric.name.toLowerCase()}`].filter(Boolean).join(' \u00b7 '),
    title: [s.name, timing?.words, s.audience && `Audience: ${s.audience}`, s.consent && `Consent: ${s.consent.replace(/-/g, ' ')}`, `Status: ${STATUS_WORDS[s.status ?? 'planned'].toLowerCase()}`].filter(Boolean).join('. '),
    touchpoints: o.touchpoints.map((t) => t.ref),
    gaps: o.gaps.map((g) => g.ref),
    stage: o.stageIndex + 1,
    status: STATUS_WORDS[s.status ?? 'planned'],
    statusId: s.status ?? 'planned',
    counted: o.contact.counts,
    countedWhy: o.contact.why,
    segments: o.segments.map((g) => g.name),
  };
}

/** Every stage of the model as it is shown, numbered and tinted as on the whole map. */
export function stageViews(model: JourneyModel): StageView[] {
  return model.stages.map((stage) => {
    const s = stage.source;
    const notes = (key: 'thoughts' | 'painPoints') => [
      ...(s[key] ?? []).map((text) => ({ text, ref: '' })),
      ...stage.touchpoints.flatMap((t) => (t.source[key] ?? []).map((text) => ({ text, ref: t.ref }))),
    ];
    return {
      number: stage.index + 1,
      tinted: stage.index % 2 === 1,
      id: s.id,
      name: s.name,
      description: s.description,
      goal: s.goal,
      duration: s.duration,
      touchpoints: stage.touchpoints.map(touchpointView),
      thoughts: notes('thoughts'),
      painPoints: notes('painPoints'),
      gaps: stage.gaps.map(gapView),
      opportunities: stage.opportunities.map((o) => ({
        ref: o.ref,
        gapRef: o.gap.ref,
        text: o.text,
        impact: o.gap.source.impact && levelWord(o.gap.source.impact),
        effort: o.gap.source.effort && levelWord(o.gap.source.effort),
      })),
      outreach: stage.outreach.map(outreachView),
      metrics: stageMetrics(stage).map(({ metric, touchpoint }) => ({
        value: prettyValue(metric.value),
        name: metric.name,
        ref: touchpoint?.ref,
        target: metricTarget(metric),
        source: metric.source,
      })),
    };
  });
}
