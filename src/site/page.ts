import { FONT_FAMILY, palettes, type Palette } from '../render/layout/theme.js';
import type { ThemeName } from '../render/options.js';
import { escapeHtml as e } from '../render/escape.js';
import { longDate } from '../render/view/words.js';
import { replaceInvalidCharacters } from '../text/characters.js';
import { plural } from '../words.js';
import { heatCss, heatMaps } from './heatmap.js';
import { css, emotionMark, severityMark } from './marks.js';
import { gapRegister, REGISTER_SCRIPT } from './register.js';
import type { InvalidMap, JourneyPair, MapSummary, Pairing } from './summary.js';

export * from './summary.js';

/** Everything the portfolio's index shows. */
export interface SiteIndex {
  /** The valid maps, in the order the run found them. */
  maps: MapSummary[];
  invalid: InvalidMap[];
  pairing: Pairing;
}

export interface SitePageOptions {
  theme?: ThemeName;
  version: string;
}

// The script's hash, for the page's Content-Security-Policy: it runs, and nothing else can.
const scriptHash = () => `'sha256-${process.getBuiltinModule('node:crypto').createHash('sha256').update(REGISTER_SCRIPT).digest('base64')}'`;

/**
 * The portfolio's index page: a card a map, the current/future pairs with their diffs, the stage heat
 * maps and the gap register. One self-contained page (inline CSS and one inline script, allowed by hash;
 * nothing is loaded from anywhere), the same bytes for the same maps.
 */
export function siteIndexHtml(index: SiteIndex, options: SitePageOptions): string {
  const palette = palettes[options.theme ?? 'default'];
  const { maps, invalid, pairing } = index;
  const gaps = maps.reduce((n, m) => n + m.gapCount, 0);
  const pairOf = new Map(pairing.pairs.flatMap((p) => [[p.current, p] as const, [p.future, p] as const]));
  const cards = [...maps.map((m) => mapCard(m, pairOf.get(m), palette)), ...invalid.map(invalidCard)].join('\n');
  const summary = [plural(maps.length + invalid.length, 'map'), invalid.length ? `${invalid.length} invalid` : '', plural(gaps, 'gap'), plural(pairing.pairs.length, 'current/future pair')].filter(Boolean).join(' \u00b7 ');
  const body = `<header class="top"><p class="kicker">Journey map portfolio</p><h1>Journey maps</h1><p class="meta">${e(summary)}</p>
<nav aria-label="Sections"><ul><li><a href="#maps">Maps</a></li><li><a href="#pairs">Current and future</a></li><li><a href="#stages">Stages at a glance</a></li><li><a href="#register">Gap register</a></li></ul></nav></header>
<main>
<section id="maps" aria-labelledby="maps-title"><h2 id="maps-title">Maps</h2>
${maps.length + invalid.length ? `<ul class="cards">\n${cards}\n</ul>` : '<p>No maps found.</p>'}
</section>
<section id="pairs" aria-labelledby="pairs-title"><h2 id="pairs-title">Current and future states</h2>
${pairsList(pairing)}
</section>
<section id="stages" aria-labelledby="stages-title"><h2 id="stages-title">Stages at a glance</h2>
${heatMaps(maps, palette)}
</section>
<section id="register" aria-labelledby="register-title"><h2 id="register-title">Gap register</h2>
${gapRegister(maps, palette)}
</section>
</main>
<footer><p>Made by journeymap ${e(options.version)}. Every page of this site is self-contained: print it, mail it, open it offline.</p></footer>`;
  const policy = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scriptHash()}`;
  return replaceInvalidCharacters(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="content-security-policy" content="${policy}">
<title>Journey maps: portfolio</title>
<style>${pageCss(palette)}</style>
</head>
<body>
${body}
<script>${REGISTER_SCRIPT}</script>
</body>
</html>
`);
}

function fact(label: string, value: string | undefined): string {
  return value ? `<div><dt>${e(label)}</dt><dd>${value}</dd></div>` : '';
}

function mapCard(m: MapSummary, pair: JourneyPair | undefined, palette: Palette): string {
  const gaps = m.gapCount
    ? m.gapsBySeverity
        .filter((g) => g.count > 0)
        .map((g) => `<span class="sev">${severityMark(g.severity, palette)} ${g.count} ${e(g.word.toLowerCase())}</span>`)
        .join(' ')
    : 'none recorded';
  const lowest = m.lowest ? `${emotionMark(m.lowest.emotion.value, palette)} ${e(m.lowest.emotion.label)} ${e(m.lowest.emotion.word)}: <span class="ref">${e(m.lowest.ref)}</span> ${e(m.lowest.name)} <span class="sub">${e(m.lowest.stage)}</span>` : 'no one feels bad on this map';
  const version = [m.version, m.status].filter(Boolean).join(' \u00b7 ');
  const holes = m.holes.length ? m.holes.map((h) => `${e(h.who)}: ${e(h.length)} <span class="sub">${e(h.words)}</span>`).join('') : 'none';
  const commit = m.commit ? `<code>${e(m.commit.hash)}</code> ${e(m.commit.date)} ${e(m.commit.subject)}` : 'not in git';
  const other = pair && (pair.current === m ? pair.future : pair.current);
  const compare = pair && other ? `<p class="pair"><a href="${e(pair.href)}">Changes from current to future state</a> <span class="sub">paired with ${e(other.file)}</span></p>` : '';
  return `<li class="card state-${m.state}">
<p class="kicker">${e(m.kind)} journey \u00b7 ${e(m.state)} state</p>
<h3><a href="${e(m.href)}">${e(m.title)}</a></h3>
${m.subtitle ? `<p class="subtitle">${e(m.subtitle)}</p>` : ''}
<dl>
${fact('Owner', m.owner && e(m.owner))}${fact('Date', m.date && e(longDate(m.date)))}${fact('Version', version && e(version))}
${fact('Stages', String(m.stages.length))}${fact('Touchpoints', String(m.touchpoints))}
${fact('Gaps', gaps)}${fact('Contact holes', holes)}${fact('Lowest emotion', lowest)}${fact('Last commit', commit)}${fact('File', `<code>${e(m.file)}</code>`)}
</dl>
${compare}</li>`;
}

function invalidCard(m: InvalidMap): string {
  const title = m.href ? `<a href="${e(m.href)}">${e(m.file)}</a>` : e(m.file);
  return `<li class="card invalid">
<p class="kicker">Invalid map</p>
<h3>${title}</h3>
<p><strong>Does not validate: ${e(plural(m.errors, 'error'))}.</strong> The first:</p>
<p><code>${e(m.firstError)}</code></p>
</li>`;
}

function pairsList(pairing: Pairing): string {
  const items = pairing.pairs.map(
    (p) => `<li><a href="${e(p.href)}">${e(p.current.title)}: current to future state</a> <span class="sub">journey <code>${e(p.journey)}</code>: ${e(p.current.file)} \u2192 ${e(p.future.file)}</span></li>`,
  );
  const notes = pairing.unpaired.map((u) => `<li>Journey <code>${e(u.journey)}</code> is not paired: ${e(u.why)}</li>`);
  const intro = '<p class="note">Maps that share a <code>journey</code> key are paired, one current-state map with one future-state map; each pair links to the changes between them.</p>';
  return `${intro}${items.length ? `<ul class="pairs">${items.join('')}</ul>` : '<p>No journey has both a current-state and a future-state map.</p>'}${notes.length ? `<ul class="notes">${notes.join('')}</ul>` : ''}`;
}

function pageCss(p: Palette): string {
  return `*{box-sizing:border-box}
body{margin:0;font:15px/1.45 ${FONT_FAMILY};color:${p.ink};background:${css(p.paper)}}
.top,main,footer{max-width:1280px;margin:0 auto;padding:0 32px}
.top{padding-top:28px}h1{font-size:30px;margin:0}h2{font-size:21px;margin:36px 0 10px;padding-bottom:4px;border-bottom:2px solid ${p.ink}}h3{font-size:18px;margin:2px 0}
.kicker{text-transform:uppercase;letter-spacing:.06em;font-size:12px;font-weight:700;color:${p.muted};margin:0}
.meta,.subtitle,.sub,.note,footer{color:${p.muted}}.sub{font-size:13px;display:block}.subtitle{margin:0 0 8px}
a{color:${p.ink}}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid ${p.focus};outline-offset:2px}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:6px 18px;padding:0;margin:12px 0 0}
.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:16px}
.card{border:1px solid ${p.cardBorder};border-top:6px solid ${p.ink};background:${css(p.card)};padding:12px 16px;break-inside:avoid}
.card.state-future{border-top-style:double}.card.invalid{border-top-color:${p.severity.critical}}
dl{margin:8px 0;display:grid;grid-template-columns:max-content 1fr;gap:3px 12px;font-size:14px}dl div{display:contents}dt{color:${p.muted}}dd{margin:0}
.ref{font-weight:700;font-size:12px;color:${p.muted}}.sev{white-space:nowrap}.mark{vertical-align:-2px}.none{color:${p.muted};font-style:italic}
code{font-size:13px;overflow-wrap:anywhere}.pair{margin:6px 0 0}
table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0 20px}caption{text-align:left;font-weight:700;padding:4px 0}
th,td{border:1px solid ${p.rule};padding:6px 8px;text-align:left;vertical-align:top}thead th{background:${css(p.stageFill)};color:${p.stageText};font-size:13px}
.heat th[scope=row]{background:${css(p.tint)};min-width:180px}.heat td{min-width:110px}.heat td.empty{background:${css(p.tint)}}.stage-name{display:block;font-size:12px;color:${p.muted}}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
${heatCss(p)}
.controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}.controls label{font-weight:700;font-size:13px}
thead th button{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-decoration:underline}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
footer{padding-top:12px;padding-bottom:32px;font-size:13px}
@media print{nav,.controls{display:none}body{font-size:11px}.top,main,footer{padding:0;max-width:none}thead{display:table-header-group}tr,.card{break-inside:avoid}h2{break-after:avoid}a{text-decoration:none}}`;
}
