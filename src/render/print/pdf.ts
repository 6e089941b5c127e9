import type { Page } from 'puppeteer-core';
import { loadHtml } from '../../browser/lockdown.js';
import { emulateMedia, sizeWindow } from '../../browser/session.js';
import type { JourneyMap } from '../../types/journeymap.js';
import { pageMeasure, renderHtmlView } from '../html/index.js';
import type { RenderOptions } from '../options.js';
import { buildMapView, sheetView, type MapView } from '../view/index.js';
import { finishJoined, finishPdf, partName, reviewDate } from './finish.js';
import { joinPdfs } from './join.js';
import { countPages, groupPrints, printGroups } from './prints.js';
import { footerFacts, footerStyle, gitCommit, type PageNumbering } from './footer.js';
import { layoutSnapshot, measureHeight, measurePage, NARROW_WINDOW_PX } from './measure.js';
import { collectGarbage, printToPdf } from './chromium-pdf.js';
import { combineParts, notesPage, pageStyles, withoutNotes } from './combine.js';
import { touchpointBreaks } from './lane-breaks.js';
import { countSheets, paginate } from './paginate.js';
import { captureSheet, sheetStyle } from './png-sheets.js';
import type { ForegroundCaptures } from '../../browser/foreground.js';
import { paperKeeping, type FitMode, type PageGeometry } from './paper.js';
import { bodyPt, MIN_BODY_PT, mightFitFewerSheets, oneSheetScale, planSheets } from './plan.js';
import type { PrintBudget } from './pool.js';
import type { StageRange } from './slice.js';

/** A map's print: Chromium's file when it took one print, else the files of its prints, in order. */
interface Printed {
  pages: number;
  single?: Uint8Array;
  files?: Uint8Array[];
}

/** A map's parts laid out for print at a scale: the tallest, the sheets each takes, and its lane breaks. */
interface Layout {
  tallest: number;
  sheets: number;
  perPart: number[];
  breaks: string[][][];
}

/** Characters of pages loaded after which the page's garbage is collected. */
const COLLECT_AFTER_CHARS = 8_000_000;

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
  // The renderer keeps the memory of the documents a page showed until its heap runs short: collected
  // after every few megabytes of pages loaded, a map's layouts and prints stay bounded (see collectGarbage).
  let loadedSinceCollected = 0;
  const show = async (html: string, media: 'screen' | 'print' | 'none', size?: { width: number; height: number }) => {
    const load = html !== shown;
    shown = html;
    if (load && (loadedSinceCollected += html.length) > COLLECT_AFTER_CHARS) {
      await collectGarbage(page);
      loadedSinceCollected = html.length;
    }
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
  // Every part and the notes sheet are printed as one document, Chromium's tagged PDF with an outline of
  // its headings; a map on more sheets than a print takes well is printed in several, joined (prints.ts).
  const wholeHtml = builtIn ? rendered.get(`0-${stageCount}-0`)! : htmlFor({ from: 0, to: stageCount });
  // A part whose touchpoint lane runs past its sheet at this scale is rendered again with the lane cut
  // into labelled rows where the sheets end (built-in page only: other templates are printed as they are).
  const partHtmlAt = async (scale: number): Promise<string[]> => {
    const { breaks } = await layoutAt(scale);
    return plan.parts.map((range, i) => {
      const part = { number: i + 1, count: plan.parts.length };
      const continuedTouchpoints = breaks[i] ?? [];
      return continuedTouchpoints.length ? blankOnScreen(renderHtmlView({ ...viewOf(range, part), continuedTouchpoints }, renderAt(scale))) : htmlFor(range, part, scale);
    });
  };
  let printedParts: string[] = [];
  // The footer goes in the page's head: it is the page's own CSS (see footer.ts).
  const withFooter = (html: string, numbering?: PageNumbering) => html.replace(/<\/head>|$/i, (end) => `${footerStyle(facts, numbering)}${end}`);
  const printAt = async (scale: number): Promise<Printed> => {
    printedParts = await partHtmlAt(scale);
    const printOne = async (html: string) => {
      // The print lays the page out at the paper's size, whatever the window's.
      await show(html, builtIn ? 'none' : 'print');
      const bytes = await printToPdf(page, { geometry, scale, timeout: budget.left() });
      return { bytes, pages: countPages(bytes) };
    };
    const { perPart } = await layoutAt(scale);
    const { groups, single } = groupPrints(perPart.map((sheets, i) => ({ sheets, styles: pageStyles(printedParts[i]) })));
    if (single) {
      const printed = await printOne(withFooter(combineParts(printedParts, wholeHtml)));
      return { pages: printed.pages, single: printed.bytes };
    }
    const notes = await notesAt(scale);
    const printing = groups.filter((group) => 'parts' in group || notes.html);
    const estimates = printing.map((group) => ('parts' in group ? group.parts.reduce((sum, i) => sum + perPart[i], 0) : notes.sheets));
    const { files, pages } = await printGroups(printing, estimates, async (group, numbering) => {
      const printed = await printOne(withFooter('parts' in group ? combineParts(group.parts.map((i) => printedParts[i])) : notes.html!, numbering));
      await collectGarbage(page);
      return printed;
    });
    return { pages, files };
  };
  // The notes sheet as a page of its own, in the head of the first part printed at a scale, and the sheets
  // it takes there: laid out once a scale, for the prints' numbers and for the check of a fitted print.
  const notesLaidOut = new Map<number, { html?: string; sheets: number }>();
  const notesAt = async (at: number) => {
    let notes = notesLaidOut.get(at);
    if (notes === undefined) {
      const html = notesPage(wholeHtml, printedParts[0]);
      let sheets = 0;
      if (html) {
        await show(html, 'print', { width: geometry.printableWidthPx / at, height: 1 });
        sheets = sheetsFor((await measureHeight(page)) * at);
      }
      notesLaidOut.set(at, (notes = { html, sheets }));
    }
    return notes;
  };

  // The tallest part laid out for print at a scale, and the sheets the parts take: a layout and a height a
  // part, and a DOM snapshot for a part taller than a sheet; a fraction of a print.
  const measuredAt = new Map<number, Layout>();
  const layoutAt = async (at: number) => {
    let measured = measuredAt.get(at);
    if (measured !== undefined) return measured;
    measured = { tallest: 0, sheets: 0, perPart: [], breaks: [] };
    for (const [i, range] of plan.parts.entries()) {
      await show(withoutNotes(htmlFor(range, { number: i + 1, count: plan.parts.length }, at)), 'print', { width: geometry.printableWidthPx / at, height: 1 });
      const height = await measureHeight(page);
      const sheetHeight = geometry.printableHeightPx / at;
      // A part no taller than a sheet takes one, and no lane of it runs past it: only a taller one is
      // looked at block by block. Other templates are not known block by block: their height alone gives
      // an estimate.
      const fits = height <= sheetHeight;
      const snapshot = fits || !builtIn ? undefined : await layoutSnapshot(page);
      const sheets = fits ? 1 : snapshot ? countSheets(snapshot, sheetHeight) : sheetsFor(height * at);
      measured.tallest = Math.max(measured.tallest, height);
      measured.sheets = Math.max(measured.sheets, sheets);
      measured.perPart.push(sheets);
      // Where a touchpoint lane too tall for its sheet is cut into labelled rows (built-in page only).
      measured.breaks.push(snapshot ? touchpointBreaks(snapshot, sheetHeight) : []);
    }
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
    // No goal below the sheets the smallest readable scale takes can be met: trying each of them, with
    // layouts at new scales, made a tall map's fitting quadratic in its sheets (36 sheets: 12 s). With one
    // goal to try, that layout would cost more than it saves.
    const fewest = sheets > 2 ? (await layoutAt(plan.readableScale)).sheets : 1;
    for (let goal = Math.max(1, fewest); goal < sheets; goal++) {
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
  let printed = await printAt(fitted?.at ?? scale);
  if (fitted !== undefined) {
    // The estimate can miss a row pushed over by the page breaks: a smaller print that saved no sheet
    // gives way to the larger, more readable one (unless one sheet was asked for).
    const notesSheets = (await notesAt(fitted.at)).sheets;
    if (settings.fit === 'sheet' || printed.pages <= plan.parts.length * fitted.sheets + notesSheets) scale = fitted.at;
    else printed = await printAt(scale);
  }

  // Pictures of the sheets: each part laid out as printed, cut into sheets as the printer cuts it, and
  // each sheet shown alone at the paper's size.
  const pictures: Uint8Array[] = [];
  if (settings.pngSheets) {
    for (const html of printedParts.map(withoutNotes)) {
      await show(html, 'print', { width: geometry.printableWidthPx / scale, height: 1 });
      const onSheets = paginate(await layoutSnapshot(page), geometry.printableHeightPx / scale);
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
  const meta = {
    title: document.title,
    author: document.author,
    subject: document.subject,
    keywords: document.keywords,
    creator: settings.creator,
    producer: settings.producer,
    date: settings.sourceDate ?? reviewDate(document.date),
  };
  const sheetNames = builtIn ? { titleHeading: [document.title, view.subtitle].filter(Boolean).join(' '), parts: plan.parts.map((range) => partName(range, stageCount, document.title)) } : undefined;
  const bytes = printed.single ? await finishPdf(printed.single, meta, sheetNames) : await finishJoined(await joinPdfs(printed.files!), meta, sheetNames);
  return { bytes, notes, sheets: pictures };
}
