import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { exampleDir, exampleFiles, examples, fixture, tempDir, unescapeXml } from './helpers/render.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
const textOf = (html: string) => unescapeXml(html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));

describe('build --format html', () => {
  const out = tempDir('html');
  const build = run(['build', ...exampleFiles, '--format', 'html', '--out-dir', out]);

  it('builds every example', () => {
    expect(build.status).toBe(0);
    for (const e of examples) expect(existsSync(join(out, e.replace('.journey.yaml', '.html')))).toBe(true);
  });

  it.each(examples)('%s passes html-validate (recommended) and needs nothing from outside', async (e) => {
    const html = readFileSync(join(out, e.replace('.journey.yaml', '.html')), 'utf8');
    const report = await validator.validateString(html);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    expect(messages).toEqual([]);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\((?!#)/i);
    // The only URLs are the map's own links.
    const urls = [...html.matchAll(/(?:href|src)="([^"#][^"]*)"/g)].map((m) => m[1]);
    for (const url of urls) expect(url).toMatch(/^(https?:|mailto:)/);
  });

  it.each(examples)('%s shows everything the map says, lane by lane', async (e) => {
    const { loadValidMap } = await import('../dist/api.js');
    const map = await loadValidMap(join(exampleDir, e));
    const html = readFileSync(join(out, e.replace('.journey.yaml', '.html')), 'utf8');
    const text = textOf(html);
    const has = (s: string | number) => expect(text).toContain(String(s).replace(/\s+/g, ' ').replace(/<=/g, '≤').replace(/>=/g, '≥'));
    let t = 0;
    for (const stage of map.stages) {
      has(stage.name);
      if (stage.duration) has(stage.duration);
      for (const x of [...(stage.thoughts ?? []), ...(stage.painPoints ?? [])]) has(x);
      for (const m of stage.metrics ?? []) { has(m.name); has(m.value); }
      for (const tp of stage.touchpoints ?? []) {
        t++;
        has(tp.name);
        expect(html).toContain(`<span class="ref">T${t}</span>`);
        for (const x of [...(tp.thoughts ?? []), ...(tp.painPoints ?? [])]) has(x);
      }
    }
    for (const g of map.gaps ?? []) { has(g.title); if (g.opportunity) has(g.opportunity); }
    // A campaign is drawn once in each outreach row that it reaches: one row per segment, or one for all.
    const rows = map.segments?.length || 1;
    expect(html.match(/<g class="campaign[ "]/g)?.length ?? 0).toBe((map.outreach ?? []).reduce((n, o) => n + (o.segments?.length ?? rows), 0));
    for (const o of map.outreach ?? []) has(o.name);
    const lanes = ['touchpoints', 'emotion', 'thoughts', 'pain-points', 'gaps', 'opportunities', 'outreach', 'metrics'];
    for (const lane of lanes) expect(html).toContain(`class="lane lane-${lane}"`);
  });

  it('shows every lane of the knee example', () => {
    const html = readFileSync(join(out, 'knee-replacement.html'), 'utf8');
    const text = textOf(html);
    for (const lane of ['stage', 'touchpoints', 'emotion', 'thoughts', 'pain-points', 'gaps', 'opportunities', 'outreach', 'metrics']) expect(html).toContain(`class="lane lane-${lane}"`);
    expect(html).toMatch(/<h1>Total knee replacement <span class="subtitle">Orthopedic service line<\/span><\/h1>/);
    expect(html.match(/<th scope="col" id="stage-/g)).toHaveLength(6);
    expect(text).toContain('6-18 months');
    for (let i = 1; i <= 20; i++) expect(html).toContain(`<span class="ref">T${i}</span>`);
    expect(text).toContain('Calls the central scheduling line');
    expect(html).toContain('<a href="https://example.org/orthopedics/knee-replacement">');
    expect(text).toContain('Lowest point · T4');
    expect(html).toMatch(/<path d="M[\d. ]+C[^"]+" class="curve"\/>/);
    expect(text).toContain('I have a referral, so why can nobody give me a date?');
    expect(text).toContain('G7 · at T18, T19');
    expect(html).toContain('<a class="tag sev-critical" href="#gap-G7">');
    expect(text).toMatch(/fixes G7/);
    expect(text).toContain('CONTACT HOLE · 10 MONTHS · G7');
    expect(text).toContain('DAY 0 · SURGERY');
    expect(text).toContain('9.4 mo');
    expect(text).toContain('Target ≤ 6 mo');
    expect(text).toContain('Confidential - internal use only');
  });

  it('gives byte-identical output when built again, in every theme', () => {
    for (const theme of ['default', 'print', 'high-contrast']) {
      const a = tempDir('html-a');
      const b = tempDir('html-b');
      expect(run(['build', ...exampleFiles, '--format', 'html', '--theme', theme, '--out-dir', a]).status).toBe(0);
      expect(run(['build', ...exampleFiles, '--format', 'html', '--theme', theme, '--out-dir', b]).status).toBe(0);
      for (const e of examples) {
        const name = e.replace('.journey.yaml', '.html');
        expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name)))).toBe(true);
      }
    }
  });
});

describe('hostile text in HTML', () => {
  const out = tempDir('html-hostile');
  const build = run(['build', fixture('hostile.journey.yaml'), fixture('scripts.journey.yaml'), '--format', 'html', '--out-dir', out]);

  it('escapes markup, handlers, URLs and template syntax', async () => {
    expect(build.status).toBe(0);
    const html = readFileSync(join(out, 'hostile.html'), 'utf8');
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<u>|<a href="javascript/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html.match(/<\/svg>/g)!.length).toBe(html.match(/<svg[ >]/g)!.length);
    // Handlebars syntax in the data is printed, never evaluated.
    const text = textOf(html);
    expect(text).toContain("{{constructor.constructor 'alert(1)'}}");
    expect(text).toContain('{{{raw}}} & {{> partial}}');
    expect(text).toContain("<script>alert('title')</script>");
    // A quote in a link cannot leave its attribute.
    expect(html).toContain('href="https://example.org/?q&#x3D;&#x27;onmouseover&#x3D;&#x27;alert(1)"');
    const report = await validator.validateString(html);
    expect(report.valid).toBe(true);
  });

  it('keeps text in other scripts', () => {
    const text = textOf(readFileSync(join(out, 'scripts.html'), 'utf8'));
    for (const s of ['膝关节置换', 'الوعي', 'עזרה', 'Ταξίδι', 'Группа пациентов', '🦵']) expect(text).toContain(s);
  });
});

describe('--templates', () => {
  it('overrides a partial, which sees the view model', () => {
    const dir = tempDir('tpl');
    writeFileSync(join(dir, 'footer.hbs'), '<footer class="custom">Custom footer for {{title}}: {{#each footer.sources}}[{{this}}]{{/each}}</footer>\n');
    const out = tempDir('tpl-out');
    const r = run(['build', fixture('hostile.journey.yaml'), '--format', 'html', '--templates', dir, '--out-dir', out]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    const html = readFileSync(join(out, 'hostile.html'), 'utf8');
    expect(html).toContain('<footer class="custom">Custom footer for &lt;script&gt;');
    expect(html).not.toContain('class="map-footer"');
  });

  it('refuses unescaped output and unknown partial names with a one-line error', () => {
    const dir = tempDir('tpl-bad');
    writeFileSync(join(dir, 'footer.hbs'), '<footer>{{{title}}}</footer>');
    const out = tempDir('tpl-bad-out');
    const r = run(['build', fixture('hostile.journey.yaml'), '--format', 'html', '--templates', dir, '--out-dir', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/footer\.hbs:1:9: unescaped output/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, 'hostile.html'))).toBe(false);

    const other = tempDir('tpl-unknown');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'fotter.hbs'), '<footer></footer>');
    const u = run(['build', fixture('hostile.journey.yaml'), '--format', 'html', '--templates', other, '--out-dir', out]);
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/no template is called "fotter"; overridable: page, .*footer/);

    const helper = tempDir('tpl-helper');
    writeFileSync(join(helper, 'footer.hbs'), '<footer>{{#unknownHelper title}}x{{/unknownHelper}}</footer>');
    const h = run(['build', fixture('hostile.journey.yaml'), '--format', 'html', '--templates', helper, '--out-dir', out]);
    expect(h.status).toBe(2);
    expect(h.stderr).toMatch(/unknown helper unknownHelper/);
    expect(h.stderr.trim().split('\n')).toHaveLength(1);
  });
});
