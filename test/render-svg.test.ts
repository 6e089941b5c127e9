import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { exampleDir, exampleFiles, examples, fixture, rsvg, svgTexts, tempDir } from './helpers/render.js';

describe('build --format svg', () => {
  const out = tempDir('svg');
  const build = run(['build', ...exampleFiles, '--format', 'svg', '--out-dir', out]);

  it('builds every example and names each output after its input', () => {
    expect(build.stderr).not.toMatch(/ error |at .*\.js:\d+/i);
    expect(build.status).toBe(0);
    for (const e of examples) expect(existsSync(join(out, e.replace('.journey.yaml', '.svg')))).toBe(true);
  });

  it.each(examples)('%s is standalone SVG with a title and a description, and librsvg renders it', (e) => {
    const file = join(out, e.replace('.journey.yaml', '.svg'));
    const svg = readFileSync(file, 'utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/<title id="jm-title">[^<]+<\/title>/);
    expect(svg).toMatch(/<desc id="jm-desc">[^<]+<\/desc>/);
    expect(svg).toContain("font-family=\"&#39;Liberation Sans&#39;, Arial, Helvetica");
    // Nothing is fetched: the only URLs are the map's own links, as <a href>.
    expect(svg.replace(/<a href="(?:https?:|mailto:)[^"]*">/g, '')).not.toMatch(/<script|<image|<foreignObject|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const png = file.replace(/\.svg$/, '.png');
    const r = rsvg(file, png);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(statSync(png).size).toBeGreaterThan(10_000);
  });

  it('shows every lane of the knee example with its cross-references', () => {
    const svg = readFileSync(join(out, 'knee-replacement.svg'), 'utf8');
    const texts = svgTexts(svg).join('\n');
    const flowing = svgTexts(svg).join(' ');
    for (const lane of ['stages', 'touchpoints', 'emotion', 'thoughts', 'pain-points', 'gaps', 'opportunities', 'outreach', 'metrics']) expect(svg).toContain(`id="jm-lane-${lane}"`);
    // Stage header: name, duration, and a goal.
    expect(texts).toMatch(/Awareness/);
    expect(texts).toContain('6-18 months');
    // Touchpoints numbered in reading order, channel labels, actors.
    for (let i = 1; i <= 20; i++) expect(texts).toMatch(new RegExp(`(^|\\n)T${i}(\\n|$)`));
    expect(texts).toContain('CALL CENTER');
    expect(flowing).toContain('Calls the central scheduling line');
    // Emotion: the low point is called out; the scale is labelled.
    expect(texts).toContain('Lowest point \u00b7 T4');
    expect(texts).toContain('\u22122');
    // Thoughts and pain points, tagged with their touchpoint.
    expect(flowing).toContain('I have a referral, so why can nobody give me a date?');
    expect(flowing).toContain('No self-assessment on the hospital page');
    // Gaps G1..G7 by severity with a word (second cue) and their touchpoints; opportunities fix gaps.
    expect(texts).toContain('CRITICAL');
    expect(texts).toMatch(/G7 · at T18, T19/);
    expect(texts).toMatch(/fixes G7/);
    // Outreach on its time axis with milestones and the contact hole analyze finds.
    expect(texts).toContain('DAY 0 \u00b7 SURGERY');
    expect(texts).toContain('CONTACT HOLE · 10 MONTHS · G7');
    expect(texts).toMatch(/C\d Pre-op education/);
    // Metrics with targets written as printed (<= becomes ≤).
    expect(texts).toContain('9.4 mo');
    expect(texts).toContain('Target \u2264 6 mo');
    // Header and footer.
    expect(texts).toContain('Total knee replacement');
    expect(svg).toContain('<a href="https://example.org/orthopedics/knee-replacement">');
    expect(texts).toContain('25 November 2026');
    expect(texts).toMatch(/Sources: 14 patient interviews/);
  });

  it('gives byte-identical output when built again', () => {
    const again = tempDir('svg-again');
    expect(run(['build', ...exampleFiles, '--format', 'svg', '--out-dir', again]).status).toBe(0);
    for (const e of examples) {
      const name = e.replace('.journey.yaml', '.svg');
      expect(readFileSync(join(again, name)).equals(readFileSync(join(out, name)))).toBe(true);
    }
  });
});

describe('themes', () => {
  it('print spends no toner on fills; high-contrast uses black text', () => {
    const out = tempDir('svg-themes');
    const knee = exampleFiles.find((f) => f.endsWith('/knee-replacement.journey.yaml'))!;
    expect(run(['build', knee, '--format', 'svg', '--theme', 'print', '--out-dir', join(out, 'print')]).status).toBe(0);
    expect(run(['build', knee, '--format', 'svg', '--theme', 'high-contrast', '--out-dir', join(out, 'hc')]).status).toBe(0);
    const print = readFileSync(join(out, 'print/knee-replacement.svg'), 'utf8');
    const fills = new Set([...print.matchAll(/<(?:rect|path)\b[^>]*\bfill="(#[0-9A-F]{6})"/gi)].map((m) => m[1].toUpperCase()));
    // Only the paper, solid marks (severity shapes, the selected state) and the outreach hatch.
    for (const tint of ['#F4F6F8', '#FDECEA', '#FDF0E6', '#FBF3DC', '#F1F3F5', '#E3F3EC', '#FBE4DE']) expect(fills.has(tint)).toBe(false);
    const hc = readFileSync(join(out, 'hc/knee-replacement.svg'), 'utf8');
    expect(hc).toContain('fill="#000000"');
    expect(hc).not.toContain('#5B6778');
  });
});

describe('hostile and multilingual text in SVG', () => {
  const out = tempDir('svg-hostile');
  const build = run(['build', fixture('hostile.journey.yaml'), fixture('scripts.journey.yaml'), '--format', 'svg', '--out-dir', out]);

  it('escapes markup, handlers, URLs and template syntax', () => {
    expect(build.status).toBe(0);
    const svg = readFileSync(join(out, 'hostile.svg'), 'utf8');
    expect(svg).not.toMatch(/<script|<img|<style|<b>|<i>|<u>/i);
    expect(svg.match(/<\/svg>/g)).toHaveLength(1);
    expect(svg).not.toMatch(/<[^>]*\son\w+=/i);
    expect(svg).not.toMatch(/href="javascript:/i);
    expect(svg).toContain('<a href="https://example.org/?q=&#39;onmouseover=&#39;alert(1)">');
    expect(svg.match(/<\/title>/g)!.length).toBe(svg.match(/<title[ >]/g)!.length);
    const texts = svgTexts(svg).join('\n');
    expect(texts).toContain("<script>alert('title')</script>");
    expect(texts).toContain("{{constructor.constructor 'alert(1)'}}");
    expect(svg).toContain('&lt;/svg&gt;&lt;script&gt;');
    const r = rsvg(join(out, 'hostile.svg'), join(out, 'hostile.png'));
    expect(r.status).toBe(0);
  });

  it('renders CJK, Arabic, Hebrew, Greek, Cyrillic and emoji, wrapping long words', () => {
    const svg = readFileSync(join(out, 'scripts.svg'), 'utf8');
    const texts = svgTexts(svg);
    expect(texts.join('')).toContain('膝关节置换');
    expect(texts.join('')).toContain('الوعي');
    expect(texts.join('')).toContain('עזרה');
    // The 60-letter Greek word is broken and the card's name ends in an ellipsis, with the full text kept.
    expect(svg).toMatch(/<title>Διαβάζει ένα φόρουμ[^<]+<\/title>/);
    expect(texts.some((t) => t.endsWith('\u2026'))).toBe(true);
    expect(rsvg(join(out, 'scripts.svg'), join(out, 'scripts.png')).status).toBe(0);
  });
});

describe('an invalid map', () => {
  it('of the invalid examples, only those with warnings alone are rendered', () => {
    const out = tempDir('invalid-all');
    const dir = join(exampleDir, 'invalid');
    const report = JSON.parse(run(['validate', dir, '--format', 'json']).stdout) as { files: { file: string; errorCount: number }[] };
    const renderable = report.files.filter((f) => f.errorCount === 0).map((f) => f.file.split('/').pop()!.replace('.journey.yaml', ''));
    const r = run(['build', dir, '--format', 'svg,html', '--out-dir', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    const written = readdirSync(out).sort();
    expect(written).toEqual(renderable.flatMap((name) => [`${name}.html`, `${name}.svg`]).sort());
  });

  it('is not rendered, and an existing output is not overwritten', () => {
    const out = tempDir('svg-invalid');
    const target = join(out, 'duplicate-id.svg');
    writeFileSync(target, 'previous');
    const r = run(['build', join(exampleDir, 'invalid/duplicate-id.journey.yaml'), '--format', 'svg,html', '--out-dir', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/duplicate-id/);
    expect(readFileSync(target, 'utf8')).toBe('previous');
    expect(existsSync(join(out, 'duplicate-id.html'))).toBe(false);
  });
});
