import type { LayoutSnapshot } from './measure.js';

/** Where a card or a row lies in the laid-out page, in CSS px from the top of the document. */
interface Box {
  top: number;
  bottom: number;
}

/** What the touchpoint lane of a laid-out print page is made of. */
interface TouchpointLane {
  /** The repeated stage header that tops every sheet. */
  head: Box;
  row: Box;
  /** Each card's touchpoint id (from its `tp-…` element id) and box. */
  cards: { id: string; x: number; box: Box }[];
}

/** Reads the touchpoint lane's boxes from the laid-out page. */
function touchpointLane({ documents, strings }: LayoutSnapshot): TouchpointLane | undefined {
  const [document] = documents;
  if (!document) return undefined;
  const { layout, nodes } = document;
  const attributes = (node: number) => {
    const list = nodes.attributes?.[node] ?? [];
    const found: Record<string, string> = {};
    for (let i = 0; i + 1 < list.length; i += 2) found[strings[list[i]]] = strings[list[i + 1]];
    return found;
  };
  let head: Box | undefined;
  let row: Box | undefined;
  const cards: TouchpointLane['cards'] = [];
  layout.nodeIndex.forEach((node, i) => {
    const name = strings[nodes.nodeName?.[node] ?? -1];
    if (name !== 'THEAD' && name !== 'TR' && name !== 'LI') return;
    const [x, y, , h] = layout.bounds[i] ?? [0, 0, 0, 0];
    const box = { top: y, bottom: y + h };
    const { class: classes = '', id = '' } = attributes(node);
    if (name === 'THEAD') head ??= box;
    else if (name === 'TR' && /\blane-touchpoints\b/.test(classes)) row ??= box;
    else if (name === 'LI' && id.startsWith('tp-')) cards.push({ id: id.slice(3), x: Math.round(x), box });
  });
  return head && row ? { head, row, cards } : undefined;
}

/**
 * A touchpoint lane taller than what is left of its sheet is cut where the sheet ends, as the printer
 * would cut it, but into rows of its own: the cards that do not fit start a row on the next sheet, which
 * repeats the lane's label and says "continued". Returns the touchpoint ids of each continued row, in
 * order, none when the lane fits. `sheetHeight` is a sheet's printable height in CSS px of this layout.
 */
export function touchpointBreaks(snapshot: LayoutSnapshot, sheetHeight: number): string[][] {
  const lane = touchpointLane(snapshot);
  if (!lane || lane.row.bottom <= sheetHeight) return [];
  const headHeight = lane.head.bottom - lane.head.top;
  // A little room under the last card of a sheet for the row's own padding.
  const slack = 12;
  let sheetEnd = Math.floor(lane.row.top / sheetHeight + 1) * sheetHeight - slack;
  const movedSets: string[][] = [];
  let left = [...lane.cards];
  for (let guard = 0; left.length && guard < 1_000; guard++) {
    const moved = left.filter((card) => card.box.bottom > sheetEnd);
    if (!moved.length || moved.length === left.length) break;
    movedSets.push(moved.map((card) => card.id));
    // The continued row starts at the top of the next sheet, under the repeated stage header, each card
    // column's first card at the row's top.
    const rowTop = headHeight + 8;
    const firstTop = new Map<number, number>();
    for (const card of moved) firstTop.set(card.x, Math.min(firstTop.get(card.x) ?? Infinity, card.box.top));
    left = moved.map((card) => {
      const shift = firstTop.get(card.x)! - rowTop;
      return { ...card, box: { top: card.box.top - shift, bottom: card.box.bottom - shift } };
    });
    sheetEnd = sheetHeight - slack;
  }
  // Each continued row holds the cards moved onto its sheet and not further on (a set: a search of the next
  // row's ids for each card was quadratic in the cards, 1.5 s for 6,400 on 69 sheets).
  return movedSets.map((ids, i) => {
    const further = new Set(movedSets[i + 1]);
    return ids.filter((id) => !further.has(id));
  });
}
