import type { LayoutSnapshot } from './measure.js';

/** A block of the laid-out print page, top to bottom, in CSS px. */
export interface Block {
  top: number;
  bottom: number;
  /** Only the touchpoint lane may be cut across sheets; the other lanes, the header and footer are whole. */
  breakable: boolean;
  /** `header`, `footer`, or the lane's row: its place among the grid's rows, from 1 (CSS nth-child). */
  kind: 'header' | 'footer' | number;
}

/** The page's header, lanes and footer, and the height of the stage header repeated on every sheet. */
function blocks({ documents, strings }: LayoutSnapshot): { blocks: Block[]; head: number } {
  const found: Block[] = [];
  let head = 0;
  let rows = 0;
  const [document] = documents;
  if (!document) return { blocks: found, head };
  const { layout, nodes } = document;
  layout.nodeIndex.forEach((node, i) => {
    const name = strings[nodes.nodeName?.[node] ?? -1];
    if (name !== 'HEADER' && name !== 'TR' && name !== 'FOOTER' && name !== 'THEAD') return;
    const list = nodes.attributes?.[node] ?? [];
    let classes = '';
    for (let k = 0; k + 1 < list.length; k += 2) if (strings[list[k]] === 'class') classes = strings[list[k + 1]];
    const [, y, , h] = layout.bounds[i] ?? [0, 0, 0, 0];
    if (name === 'THEAD') head ||= h;
    else if (name === 'HEADER' && /\bmap-header\b/.test(classes)) found.push({ top: y, bottom: y + h, breakable: false, kind: 'header' });
    else if (name === 'FOOTER' && /\bmap-footer\b/.test(classes)) found.push({ top: y, bottom: y + h, breakable: false, kind: 'footer' });
    else if (name === 'TR' && /\blane\b/.test(classes)) found.push({ top: y, bottom: y + h, breakable: /\blane-touchpoints\b/.test(classes), kind: ++rows });
  });
  return { blocks: found.sort((a, b) => a.top - b.top), head };
}

/**
 * The sheets the laid-out map (notes left out) takes when sheets are `sheetHeight` CSS px tall, paginated as
 * the printer does: a lane that does not fit what is left of a sheet starts the next one under the repeated
 * stage header, except the touchpoint lane, which is cut where the sheet ends. Counting this way, not by
 * the page's height alone, sees the room whole lanes leave at the foot of a sheet.
 */
export function countSheets(snapshot: LayoutSnapshot, sheetHeight: number): number {
  return paginate(snapshot, sheetHeight).length;
}

/** The blocks on each sheet, as `countSheets` counts them (a block cut across sheets is on the first). */
export function paginate(snapshot: LayoutSnapshot, sheetHeight: number): Block[][] {
  const { blocks: list, head } = blocks(snapshot);
  const sheets: Block[][] = [[]];
  let used = 0;
  let previousBottom = 0;
  for (const block of list) {
    const gap = Math.max(0, block.top - previousBottom);
    const height = block.bottom - block.top;
    previousBottom = block.bottom;
    if (used + gap + height <= sheetHeight) {
      used += gap + height;
      sheets[sheets.length - 1].push(block);
      continue;
    }
    const room = sheetHeight - head;
    if (block.breakable || height > room) {
      // Cut across sheets: what does not fit here goes on, under the stage header, sheet after sheet.
      sheets[sheets.length - 1].push(block);
      let left = height - Math.max(0, sheetHeight - used - gap);
      sheets.push([]);
      while (left > room) {
        left -= room;
        sheets.push([]);
      }
      used = head + left;
    } else {
      sheets.push([block]);
      used = head + height;
    }
  }
  return sheets;
}
