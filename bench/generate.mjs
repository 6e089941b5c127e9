// Writes N synthetic journey maps of STAGES x TOUCHPOINTS into a folder, deterministically.
// Usage: node bench/generate.mjs DIR [count=1000] [stages=6] [touchpoints=8]
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const channels = ['web', 'search', 'social', 'email', 'sms', 'phone', 'call-center', 'chat', 'mobile-app', 'portal', 'in-person'];
const severities = ['low', 'medium', 'high', 'critical'];

export function generateMap(n, stages = 6, touchpoints = 8) {
  const lines = [
    '# yaml-language-server: $schema=../../schemas/journeymap.schema.json',
    'journeymap: 1',
    `title: Synthetic journey ${n}`,
    'subtitle: Orthopedic service line',
    'kind: patient',
    'state: current',
    'owner: Patient Experience Office',
    "date: '2026-11-25'",
    'personas:',
    '  - id: maria',
    '    name: Maria',
    '    age: 64',
    '    description: Retired teacher, lives alone',
    'milestones:',
    '  - id: surgery',
    '    name: Surgery',
    'stages:',
  ];
  for (let s = 1; s <= stages; s++) {
    lines.push(`  - id: stage-${s}`, `    name: Stage ${s}`, '    touchpoints:');
    for (let t = 1; t <= touchpoints; t++) {
      const k = (n + s * 7 + t * 3) % channels.length;
      lines.push(
        `      - id: s${s}-t${t}`,
        `        name: Touchpoint ${t} of stage ${s}`,
        `        channel: ${channels[k]}`,
        `        emotion: ${((n + s + t) % 5) - 2}`,
      );
      if (t % 4 === 1) lines.push('        personas: [maria]', `        timing: {milestone: surgery, at: "${(s - 4) * 2}w"}`);
    }
  }
  lines.push('gaps:');
  for (let s = 1; s <= stages; s++) {
    lines.push(`  - id: gap-${s}`, `    title: Gap in stage ${s}`, `    stage: stage-${s}`, `    touchpoints: [s${s}-t1]`, `    severity: ${severities[(n + s) % 4]}`, `    opportunity: Fix stage ${s} with a better handover`);
  }
  lines.push('outreach:');
  for (let s = 1; s <= stages; s++) {
    lines.push(`  - {id: outreach-${s}, name: Reminder ${s}, stage: stage-${s}, channel: email, consent: opt-in, timing: {milestone: surgery, at: "${(s - 4) * 2}w"}}`);
  }
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'bench/work/maps', count = '1000', stages = '6', touchpoints = '8'] = process.argv.slice(2);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < Number(count); i++) {
    writeFileSync(join(dir, `map-${String(i).padStart(4, '0')}.journey.yaml`), generateMap(i, Number(stages), Number(touchpoints)));
  }
  process.stderr.write(`wrote ${count} maps to ${dir}\n`);
}
