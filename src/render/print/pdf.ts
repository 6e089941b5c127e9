import type { Page } from 'puppeteer-core';
import { loadHtml } from '../../browser/lockdown.js';
import { emulateMedia, sizeWindow } from '../../browser/session.js';
import type { JourneyMap } from '../../types/journeymap.js';
import { pageMeasure, renderHtmlView } from '../html/index.js';
import type { RenderOptions } from '../options.js';
import { buildMapView, sheetView, type MapView } from '../view/index.js';
import { finishPdf } from './finish.js';
import { footerFacts, footerTemplate, gitCommit, HEADER_TEMPLATE } from './footer.js';
import { measureHeight, measurePage, NARROW_WINDOW_PX } from './measure.js';
import { printToPdf } from './chromium-pdf.js';
import { combineParts, notesPage, withoutNotes } from './combine.js';
import { touchpointBreaks } from './lane-breaks.js';
import { countSheets, paginate } from './paginate.js';
import { captureSheet, sheetStyle } from './png-sheets.js';
import type { ForegroundCaptures } from '../../browser/foreground.js';
import { pageGeometry, PAPERS, type FitMode, type PageGeometry } from './paper.js';
import { bodyPt, MIN_BODY_PT, mightFitFewerSheets, oneSheetScale, planSheets } from './plan.js';
import type { PrintBudget } from './pool.js';
import type { StageRange } from './slice.js';

/** Hides the page in screen media; the print, in print media, is untouched. Static: no user text in CSS. */
const BLANK_ON_SCREEN = '<style>@media screen { body { display: none; } }</style>';

export interface PdfSettings {
  geometry: PageGeometry;
  render: RenderOptions;
  creator: string;
  producer: string;
  /** From SOURCE_DATE_EPOCH. */
  sourceDate?: Date;
  /** `sheet`: the whole map on one sheet, whatever the text size; `auto` (default): readable text first. */
  fit?: FitMode;
  /** Also a picture of each sheet of the map, `density` device pixels a CSS px (`--png sheet`). */
  pngSheets?: { density: number; captures: ForegroundCaptures };
}

/** What printing one map produced, with anything the person should know about it. */
export interface PrintedPdf {
  bytes: Uint8Array;
  notes: string[];
  /** With `pngSheets`: a PNG of each sheet of the map, in order (the notes sheets are not pictured). */
  sheets: Uint8Array[];
}

/** What printing a map needs that can be made before the browser is up: its view, its page and its commit. */
export interface PreparedPdf {
  view: MapView;
  /** The whole map's print page. */
  html: string;
  commit: Promise<string | undefined>;
}

export function preparePdf(file: string, map: JourneyMap, render: RenderOptions): PreparedPdf {
  const view = buildMapView(map, render);
  return { view, html: renderHtmlView(view, { ...render, sourceFile: file }), commit: gitCommit(file) };
}

/**
 * Prints one map on a locked-down page: plans the sheets (stage columns across, lanes down), chooses the
 * scale, then prints the parts and the notes sheet as one tagged document and writes its metadata and a
 * bookmark per sheet. Each part is the map sliced to its stage columns and rendered afresh, so the header
 * and lane labels repeat on every sheet.
 */
export async function printPdf(page: Page, file: string, map: JourneyMap, settings: PdfSettings, budget: PrintBudget, prepared = preparePdf(file, map, settings.render)): Promise<PrintedPdf> {
  const { geometry } = settings;
  const { commit, view } = prepared;
  const stageCount = view.stages.length;
  // The built-in page is made blank on screen: the browser lays a page out again whenever it leaves
  // print mode, which then costs nothing. Its height is measured in print media, and the print itself is
  // made with no media emulated, so it gets print media as any print does. Other templates are printed as
  // they are, in emulated print media.
  const builtIn = !settings.render.templates;
  const blankOnScreen = (html: string) => (builtIn ? html.replace('</head>', `${BLANK_ON_SCREEN}</head>`) : html);
  const rendered = new Map<string, string>([[`0-${stageCount}-0`, blankOnScreen(prepared.html)]]);
  // A sheet of a split print is cut from the whole map's view, so it keeps the whole map's numbers.
  const viewOf = (range: StageRange, part?: { number: number; count: number }) => (range.from === 0 && range.to === stageCount ? view : sheetView(view, range, part));
  // At a print scale `at`, the built-in page is drawn for the width it is laid out at on paper.
  const renderAt = (at: number | undefined) => ({ ...settings.render, sourceFile: file, printWidth: at && builtIn ? geometry.printableWidthPx / at : undefined });
  const htmlFor = (range: StageRange, part?: { number: number; count: number }, at?: number) => {
    const key = `${range.from}-${range.to}-${part && part.count > 1 ? part.number : 0}${at && builtIn ? `@${at}` : ''}`;
    let html = rendered.get(key);
    if (html === undefined) {
      html = blankOnScreen(renderHtmlView(viewOf(range, part), renderAt(at)));
      rendered.set(key, html);
    }
    return html;
  };

  // The built-in page has nothing to load (its icons and charts are inline SVG): it is ready once parsed.
  // Other templates may hold data: images.
  const ready = builtIn ? 'domcontentloaded' : 'load';
  // Loading a map's HTML and laying it out again are the costly steps: do each only when something changed.
  let shown: string | undefined;
  const show = async (html: string, media: 'screen' | 'print' | 'none', size?: { width: number; height: number }) => {
    const load = html !== shown;
    shown = html;
    // Loaded while still blank, before print media is set, the built-in page is laid out once, not twice.
    if (load && builtIn) await loadHtml(page, html, budget.left(), ready);
    await emulateMedia(page, media);
    if (size) await sizeWindow(page, Math.max(1, Math.round(size.width)), Math.max(1, Math.round(size.height)));
    if (load && !builtIn) await loadHtml(page, html, budget.left(), ready);
  };
  // The built-in page's width comes from its own layout model. Other templates are laid out to see: on
  // screen the grid keeps its own width (on paper it takes the page's), so in a narrow window it shows how
  // far it reaches.
  const plan = await planSheets(stageCount, geometry, async (range) => {
    if (!settings.render.templates) return pageMeasure(viewOf(range));
    await show(htmlFor(range), 'screen', { width: NARROW_WINDOW_PX, height: geometry.printableHeightPx });
    const { contentWidth, bodyFontPx } = await measurePage(page);
    return { width: contentWidth, bodyFontPx };
  }, settings.fit !== 'sheet');

  // Each part is at least a sheet: the time allowed grows to match before the parts are laid out.
  budget.sheets(plan.parts.length);
  const facts = footerFacts(view, await commit, settings.sourceDate);
  // Every part and the notes sheet are printed as one document: Chromium then tags it, gives it an
  // outline and numbers its pages; the footer says which stages each part holds only in its header.
  const wholeHtml = builtIn ? rendered.get(`0-${stageCount}-0`)! : htmlFor({ from: 0, to: stageCount });
  // A part whose touchpoint lane runs past its sheet at this scale is rendered again with the lane cut
  // into labelled rows where the sheets end (built-in page only: other templates are printed as they are).
  const partHtmlAt = async (scale: number): Promise<string[]> => {
    const html: string[] = [];
    for (const [i, range] of plan.parts.entries()) {
      const part = { number: i + 1, count: plan.parts.length };
      const plain = htmlFor(range, part, scale);
      if (!builtIn) {
        html.push(plain);
        continue;
      }
      await show(withoutNotes(plain), 'print', { width: geometry.printableWidthPx / scale, height: 1 });
      const continuedTouchpoints = await touchpointBreaks(page, geometry.printableHeightPx / scale);
      html.push(continuedTouchpoints.length ? blankOnScreen(renderHtmlView({ ...viewOf(range, part), continuedTouchpoints }, renderAt(scale))) : plain);
    }
    return html;
  };
  let printedParts: string[] = [];
  const printAt = async (scale: number): Promise<Uint8Array> => {
    printedParts = await partHtmlAt(scale);
    const combined = combineParts(printedParts, wholeHtml);
    // The print lays the page out at the paper's size, whatever the window's.
    await show(combined, builtIn ? 'none' : 'print');
    return printToPdf(page, {
      geometry,
      scale,
      headerTemplate: HEADER_TEMPLATE,
      footerTemplate: footerTemplate(facts),
      timeout: budget.left(),
    });
  };

  // The tallest part laid out for print at a scale, and the sheets the parts take: a layout and two
  // protocol calls a part, a fraction of a print.
  const measuredAt = new Map<number, { tallest: number; sheets: number }>();
  const layoutAt = async (at: number) => {
    let measured = measuredAt.get(at);
    if (measured !== undefined) return measured;
    measured = { tallest: 0, sheets: 0 };
    for (const [i, range] of plan.parts.entries()) {
      await show(withoutNotes(htmlFor(range, { number: i + 1, count: plan.parts.length }, at)), 'print', { width: geometry.printableWidthPx / at, height: 1 });
      measured.tallest = Math.max(measured.tallest, await measureHeight(page));
      if (builtIn) measured.sheets = Math.max(measured.sheets, await countSheets(page, geometry.printableHeightPx / at));
    }
    // Other templates are not known block by block: their height alone gives an estimate.
    if (!builtIn) measured.sheets = sheetsFor(measured.tallest * at);
    measuredAt.set(at, measured);
    return measured;
  };
  // Rows and cards that may not break leave room at the foot of a sheet: more than one sheet is filled
  // only to 94% in these estimates.
  const room = (sheets: number) => sheets * geometry.printableHeightPx * (sheets > 1 ? 0.94 : 1);
  const sheetsFor = (height: number) => {
    let sheets = 1;
    while (height > room(sheets)) sheets++;
    return sheets;
  };

  // A smaller scale than `scale`, no smaller than `floor`, at which the map's layout fits on `goal` sheets.
  // Text wraps differently at each width, so a scale is checked by laying the map out at it.
  const scaleFor = async (scale: number, goal: number, floor: number, tries: number): Promise<number | undefined> => {
    for (let at = scale, tried = 0; tried < tries; tried++) {
      const { tallest, sheets } = await layoutAt(at);
      if (sheets <= goal) return at < scale ? at : undefined;
      const next = Math.max(floor, Math.min(at * 0.98, oneSheetScale(tallest / goal, geometry)));
      if (next >= at) return undefined;
      at = next;
    }
    return undefined;
  };
  // The fewest sheets a smaller, still readable scale puts the map on: one sheet if it can, so that no
  // sheet is left mostly blank for the last rows of a map that nearly fits.
  const scaleBelow = async (scale: number, sheets: number): Promise<{ at: number; sheets: number } | undefined> => {
    for (let goal = 1; goal < sheets; goal++) {
      const at = await scaleFor(scale, goal, plan.readableScale, 4);
      if (at !== undefined) return { at, sheets: goal };
    }
    return undefined;
  };

  // The scale is chosen before printing, so a map is printed once: a map that would spill onto another
  // sheet may fit on fewer at a smaller, still readable scale. `--fit sheet` puts it on one, however small.
  let scale = plan.scale;
  // Sheets the longest part takes at the chosen scale.
  const sheets = (await layoutAt(scale)).sheets;
  budget.sheets(plan.parts.length * sheets);
  let fitted: { at: number; sheets: number } | undefined;
  if (settings.fit === 'sheet') {
    const at = sheets > 1 ? await scaleFor(scale, 1, 0.1, 10) : undefined;
    fitted = at === undefined ? undefined : { at, sheets: 1 };
  } else if (mightFitFewerSheets(sheets, scale, plan.readableScale)) {
    fitted = await scaleBelow(scale, sheets);
  }
  let pdf = await printAt(fitted?.at ?? scale);
  if (fitted !== undefined) {
    // The estimate can miss a row pushed over by the page breaks: a smaller print that saved no sheet
    // gives way to the larger, more readable one (unless one sheet was asked for).
    const notes = notesPage(wholeHtml);
    let notesSheets = 0;
    if (notes) {
      await show(notes, 'print', { width: geometry.printableWidthPx / fitted.at, height: 1 });
      notesSheets = sheetsFor((await measureHeight(page)) * fitted.at);
    }
    if (settings.fit === 'sheet' || countPages(pdf) <= plan.parts.length * fitted.sheets + notesSheets) scale = fitted.at;
    else pdf = await printAt(scale);
  }

  // Pictures of the sheets: each part laid out as printed, cut into sheets as the printer cuts it, and
  // each sheet shown alone at the paper's size.
  const pictures: Uint8Array[] = [];
  if (settings.pngSheets) {
    for (const html of printedParts.map(withoutNotes)) {
      await show(html, 'print', { width: geometry.printableWidthPx / scale, height: 1 });
      const onSheets = await paginate(page, geometry.printableHeightPx / scale);
      budget.sheets(onSheets.length);
      for (const onSheet of onSheets) {
        await show(html.replace('</head>', `${sheetStyle(onSheet, onSheets.flat(), scale)}</head>`), 'print');
        pictures.push(await captureSheet(page, geometry, scale, settings.pngSheets.density, settings.pngSheets.captures));
      }
    }
  }

  const notes: string[] = [];
  const printedPt = bodyPt(plan, scale);
  if (plan.parts.length > 1) notes.push(`split across ${plan.parts.length} sheets by stage columns to keep text at ${printedPt.toFixed(1)} pt`);
  if (settings.fit === 'sheet' && printedPt < MIN_BODY_PT - 0.05) {
    const paper = paperKeeping(geometry, scale, plan.readableScale);
    notes.push(`--fit sheet: on one ${geometry.paper} sheet the text prints at ${printedPt.toFixed(1)} pt, under ${MIN_BODY_PT} pt; ${paper ? `--paper ${paper} keeps it at ${MIN_BODY_PT} pt or more` : 'no paper size keeps it readable on one sheet'}`);
  } else if (printedPt < MIN_BODY_PT - 0.05) {
    notes.push(`text prints at ${printedPt.toFixed(1)} pt, under ${MIN_BODY_PT} pt, even with one stage per sheet; try a larger --paper`);
  }
  const { document } = view;
  const bytes = await finishPdf(pdf, {
    title: document.title,
    author: document.author,
    subject: document.subject,
    keywords: document.keywords,
    creator: settings.creator,
    producer: settings.producer,
    date: settings.sourceDate ?? reviewDate(document.date),
  }, builtIn ? { titleHeading: [document.title, view.subtitle].filter(Boolean).join(' '), parts: plan.parts.map((range) => partName(range, stageCount, document.title)) } : undefined);
  return { bytes, notes, sheets: pictures };
}

/**
 * The smallest paper, larger than the one printed on, on which a map that fits one sheet at `scale` would
 * fit at `readableScale` or more: both sides grow by the same factor on an ISO paper one size up (√2), so
 * the map keeps its layout and its scale grows by that factor.
 */
function paperKeeping(geometry: PageGeometry, scale: number, readableScale: number): string | undefined {
  for (const paper of PAPERS) {
    const other = pageGeometry(paper, geometry.landscape ? 'landscape' : 'portrait');
    const grows = Math.min(other.printableWidthPx / geometry.printableWidthPx, other.printableHeightPx / geometry.printableHeightPx);
    if (grows > 1 && scale * grows >= readableScale * 0.995) return paper;
  }
  return undefined;
}

/** A part's bookmark: the map's title when it is one part, else its stages. */
function partName(range: StageRange, stageCount: number, title: string): string {
  if (range.from === 0 && range.to === stageCount) return title;
  return range.to - range.from === 1 ? `Stage ${range.to} of ${stageCount}` : `Stages ${range.from + 1}\u2013${range.to} of ${stageCount}`;
}

/** Without SOURCE_DATE_EPOCH the file's dates are the map's own review date, so output stays reproducible. */
function reviewDate(day: string | undefined): Date | undefined {
  const date = day ? new Date(`${day}T00:00:00Z`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** Pages in a PDF as Chromium writes it (one uncompressed dictionary per page): cheaper than parsing it. */
function countPages(pdf: Uint8Array): number {
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 1;
}
