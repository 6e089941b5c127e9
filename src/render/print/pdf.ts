import type { Page } from 'puppeteer-core';
import { loadHtml } from '../../browser/lockdown.js';
import type { JourneyMap } from '../../types/journeymap.js';
import { renderHtml } from '../html/index.js';
import type { RenderOptions } from '../options.js';
import { finishPdf } from './finish.js';
import { footerFacts, footerTemplate, gitCommit, HEADER_TEMPLATE } from './footer.js';
import { measurePage } from './measure.js';
import { marginOption, type PageGeometry } from './paper.js';
import { MIN_BODY_PT, planSheets } from './plan.js';
import { sliceMap, type StageRange } from './slice.js';

/** Narrower than any grid, so that the measured width is the grid's own. */
const NARROW_WINDOW_PX = 480;

export interface PdfSettings {
  geometry: PageGeometry;
  render: RenderOptions;
  timeout: number;
  creator: string;
  producer: string;
  /** From SOURCE_DATE_EPOCH. */
  sourceDate?: Date;
}

/** What printing one map produced, with anything the person should know about it. */
export interface PrintedPdf {
  bytes: Uint8Array;
  notes: string[];
}

/**
 * Prints one map on a locked-down page: plans the sheets, prints each part with its footer, then joins
 * the parts and writes the metadata. Each part is the map sliced to its stage columns and rendered
 * afresh, so the header and lane labels repeat on every sheet.
 */
export async function printPdf(page: Page, file: string, map: JourneyMap, settings: PdfSettings): Promise<PrintedPdf> {
  const { geometry } = settings;
  const commit = gitCommit(file);
  const htmlFor = (range: StageRange, part?: { number: number; count: number }) => {
    const whole = range.from === 0 && range.to === map.stages.length;
    const printPart = part && part.count > 1 ? { ...part, firstStage: range.from, stageCount: map.stages.length, whole: map } : undefined;
    return renderHtml(whole ? map : sliceMap(map, range), { ...settings.render, sourceFile: file, printPart });
  };

  // Loading a map's HTML is the costly step; consecutive measures and the print reuse a loaded page.
  let loaded: string | undefined;
  const load = async (html: string, media: 'screen' | 'print', width: number, height: number) => {
    await page.emulateMediaType(media);
    await page.setViewport({ width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)), deviceScaleFactor: 1 });
    if (html !== loaded) await loadHtml(page, html, settings.timeout);
    loaded = html;
  };
  const plan = await planSheets(map.stages.length, geometry, {
    // On screen the grid keeps its own width (on paper it takes the page's): lay it out in a narrow
    // window and see how far it reaches.
    width: async (range) => {
      await load(htmlFor(range), 'screen', NARROW_WINDOW_PX, geometry.printableHeightPx);
      const { contentWidth, bodyFontPx } = await measurePage(page);
      return { width: contentWidth, bodyFontPx };
    },
    height: async (range, layoutWidth) => {
      await load(htmlFor(range), 'print', layoutWidth, 1);
      return (await measurePage(page)).height;
    },
  });

  const facts = footerFacts(map, await commit, settings.sourceDate);
  const parts: Uint8Array[] = [];
  for (const [i, range] of plan.parts.entries()) {
    const part = { number: i + 1, count: plan.parts.length };
    await load(htmlFor(range, part), 'print', geometry.printableWidthPx / plan.scale, geometry.printableHeightPx);
    parts.push(
      await page.pdf({
        format: geometry.format,
        landscape: geometry.landscape,
        printBackground: true,
        margin: marginOption(),
        scale: plan.scale,
        displayHeaderFooter: true,
        headerTemplate: HEADER_TEMPLATE,
        footerTemplate: footerTemplate(facts, { ...part, first: range.from + 1, last: range.to, of: map.stages.length }),
        timeout: settings.timeout,
      }),
    );
  }

  const notes: string[] = [];
  if (plan.parts.length > 1) notes.push(`split across ${plan.parts.length} sheets by stage columns to keep text at ${plan.bodyPt.toFixed(1)} pt`);
  if (plan.bodyPt < MIN_BODY_PT - 0.05) {
    notes.push(`text prints at ${plan.bodyPt.toFixed(1)} pt, under ${MIN_BODY_PT} pt, even with one stage per sheet; try a larger --paper`);
  }
  const bytes = await finishPdf(parts, {
    title: map.title,
    author: map.owner,
    subject: subjectOf(map),
    keywords: map.tags ?? [],
    creator: settings.creator,
    producer: settings.producer,
    date: settings.sourceDate ?? reviewDate(map),
  });
  return { bytes, notes };
}

/** Without SOURCE_DATE_EPOCH the file's dates are the map's own review date, so output stays reproducible. */
function reviewDate(map: JourneyMap): Date | undefined {
  const date = map.date ? new Date(`${map.date}T00:00:00Z`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** "Patient journey map — Orthopedic service line (current state)". */
function subjectOf(map: JourneyMap): string {
  const kind = map.kind ? `${map.kind[0].toUpperCase()}${map.kind.slice(1)} journey map` : 'Journey map';
  return `${kind}${map.subtitle ? ` — ${map.subtitle}` : ''}${map.state ? ` (${map.state} state)` : ''}`;
}
