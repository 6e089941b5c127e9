import type { PDFContext, PDFDict, PDFDocument, PDFNumber, PDFObject, PDFRef } from 'pdf-lib';
import { readOutline } from './outline.js';

/** pdf-lib, loaded only when a map is printed in batches. */
const pdfLib = () => import('pdf-lib');
type Lib = Awaited<ReturnType<typeof pdfLib>>;

export interface Heading {
  title: string;
  /** Index of the heading's page in the joined document; -1 when Chromium's outline names no page. */
  page: number;
}

export interface Joined {
  doc: PDFDocument;
  /** Every batch's outline entries in order, depth first: the joined document has no outline of its own. */
  headings: Heading[];
}

/**
 * Joins Chromium's tagged PDFs of consecutive batches of one map into one document, as if printed at once:
 * the pages in order, and one structure tree whose top element (Chromium's `Document`) holds every batch's
 * elements in order. Each later batch is copied through one copier, so a page and the `/Pg` of the elements
 * on it become the same object (pdf-lib's `copyPages` would copy the page a second time for them), and its
 * keys into the parent tree are moved past the keys before it. The first batch's catalog (`/MarkInfo`,
 * `/Lang`) and metadata are kept; the outlines are dropped, their headings returned for bookmarks.
 */
export async function joinPdfs(batches: Uint8Array[]): Promise<Joined> {
  if (batches.length === 0) throw new Error('joinPdfs: no PDF to join');
  const lib = await pdfLib();
  const { PDFArray, PDFDict, PDFName, PDFNumber, PDFObjectCopier } = lib;
  const N = (name: string) => PDFName.of(name);
  const headings: Heading[] = [];
  let pageCount = 0;
  const load = (bytes: Uint8Array, i: number) => {
    // Chromium writes its outline plainly: read as text, it costs no walk through pdf-lib's objects.
    const outline = readOutline(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
    if (!outline) throw new Error(`joinPdfs: batch ${i + 1} is not a PDF as Chromium prints it`);
    for (const h of outline.headings) headings.push({ title: h.title, page: h.page < 0 ? -1 : h.page + pageCount });
    pageCount += outline.pages.length;
    return lib.PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: lib.ParseSpeeds.Fastest });
  };
  const dest = await load(batches[0], 0);
  const context = dest.context;
  dropOutline(lib, dest);

  const destRoot = dest.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  const destTopRef = destRoot && topElement(lib, destRoot);
  const destTop = destTopRef && context.lookup(destTopRef, PDFDict);
  // The merged number tree (parent tree) and name tree (ID tree) are written anew, flat, at the end.
  const nums: PDFObject[] = [];
  const ids: [string, PDFObject][] = [];
  let nextKey = 0;
  if (destRoot) {
    nextKey = keyAfter(lib, destRoot, treeEntries(lib, context, destRoot.get(N('ParentTree')), 'Nums', nums, true));
    const names: PDFObject[] = [];
    treeEntries(lib, context, destRoot.get(N('IDTree')), 'Names', names, true);
    for (let i = 0; i < names.length; i += 2) ids.push([text(lib, names[i]), names[i + 1]]);
  }
  const taken = new Set(ids.map(([id]) => id));
  // The top element's kids as an array, which each later batch's top elements are appended to.
  const destKids = context.obj(asArray(lib, destTop?.get(N('K'))));
  destTop?.set(N('K'), destKids);

  for (let b = 1; b < batches.length; b++) {
    const src = await load(batches[b], b);
    const copier = PDFObjectCopier.for(src.context, context);
    const offset = nextKey;
    // The batch's pages under a page-tree node of their own, appended to the root: linear, where pdf-lib's
    // addPage walks the root's kids for each page.
    const root = dest.catalog.Pages();
    // A page-tree node as pdf-lib makes one: pdf-lib's own page walk (getPages) goes only into those.
    const node = lib.PDFPageTree.withContext(context, dest.catalog.get(N('Pages')) as PDFRef);
    const kids = node.Kids();
    const nodeRef = context.register(node);
    for (const page of src.getPages()) {
      const ref = copier.copy(page.ref) as PDFRef;
      const leaf = context.lookup(ref, PDFDict);
      leaf.set(N('Parent'), nodeRef);
      kids.push(ref);
      shiftKey(lib, leaf, 'StructParents', offset);
      const annots = leaf.lookupMaybe(N('Annots'), PDFArray);
      for (let i = 0; annots && i < annots.size(); i++) {
        const annot = annots.lookup(i);
        if (annot instanceof PDFDict) shiftKey(lib, annot, 'StructParent', offset);
      }
    }
    node.set(N('Count'), PDFNumber.of(kids.size()));
    root.Kids().push(nodeRef);
    root.set(N('Count'), PDFNumber.of(root.Count().asNumber() + kids.size()));

    const srcRoot = src.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
    const srcTopRef = srcRoot && topElement(lib, srcRoot);
    // An untagged batch (or first batch) leaves its pages without elements: Chromium tags all or none.
    if (!srcRoot || !srcTopRef || !destRoot || !destTop || !destTopRef) continue;
    // IDs (which table headers name) are unique within one renderer, not across batches printed by others.
    const names: PDFObject[] = [];
    treeEntries(lib, src.context, srcRoot.get(N('IDTree')), 'Names', names, false);
    const renames = new Map<string, string>();
    const batchIds: [string, PDFObject][] = [];
    for (let i = 0; i < names.length; i += 2) {
      const old = text(lib, names[i]);
      let id = old;
      for (let n = b + 1; taken.has(id); n++) id = `${old}-${n}`;
      if (id !== old) renames.set(old, id);
      taken.add(id);
      batchIds.push([id, names[i + 1]]);
    }
    const topKids = asArray(lib, src.context.lookup(srcTopRef, PDFDict).get(N('K')));
    if (renames.size) renameIds(lib, src.context, topKids, renames);
    // Without their /P, the batch's own top element and tree root (and so its whole parent tree) are not
    // copied along with its elements; everything copied after them finds them copied already.
    for (const kid of topKids) {
      const element = src.context.lookup(kid);
      if (element instanceof PDFDict) element.delete(N('P'));
      const copied = copier.copy(kid);
      const copiedElement = context.lookup(copied);
      if (copiedElement instanceof PDFDict) copiedElement.set(N('P'), destTopRef);
      destKids.push(copied);
    }
    const entries: PDFObject[] = [];
    const after = treeEntries(lib, src.context, srcRoot.get(N('ParentTree')), 'Nums', entries, false);
    for (let i = 0; i < entries.length; i += 2) nums.push(PDFNumber.of((entries[i] as PDFNumber).asNumber() + offset), copier.copy(entries[i + 1]));
    for (const [id, value] of batchIds) ids.push([id, copier.copy(value)]);
    nextKey = offset + keyAfter(lib, srcRoot, after);
    // Chromium writes no /RoleMap or /ClassMap (its element types are the standard ones): the first
    // batch's tree root, kept, would carry them.
  }

  if (destRoot) {
    destRoot.set(N('ParentTree'), context.register(context.obj({ Nums: nums })));
    destRoot.set(N('ParentTreeNextKey'), PDFNumber.of(nextKey));
    destRoot.delete(N('IDTree'));
    if (ids.length) {
      // A name tree's keys are in order; Chromium's (`node` and a fixed-width number) sort as strings.
      ids.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const flat = ids.flatMap(([id, value]) => [lib.PDFString.of(id), value]);
      destRoot.set(N('IDTree'), context.register(context.obj({ Names: flat })));
    }
  }
  return { doc: dest, headings };
}

/** The first batch's outline, unreferenced and deleted: left in the context, pdf-lib would still write it. */
function dropOutline(lib: Lib, doc: PDFDocument): void {
  const { PDFDict, PDFName, PDFRef } = lib;
  const outlines = doc.catalog.get(PDFName.of('Outlines'));
  const stack: unknown[] = [outlines];
  while (stack.length) {
    const ref = stack.pop();
    if (!(ref instanceof PDFRef)) continue;
    const item = doc.context.lookupMaybe(ref, PDFDict);
    doc.context.delete(ref);
    if (item) stack.push(item.get(PDFName.of('First')), item.get(PDFName.of('Next')));
  }
  doc.catalog.delete(PDFName.of('Outlines'));
}

/** The one element under the tree root (Chromium's `Document`), which the batches' elements go under. */
function topElement(lib: Lib, root: PDFDict): PDFRef | undefined {
  const kids = asArray(lib, root.get(lib.PDFName.of('K')));
  return kids.length === 1 && kids[0] instanceof lib.PDFRef ? kids[0] : undefined;
}

/** A `/K` (one kid, an array of them, or none) as a list. */
function asArray(lib: Lib, k: PDFObject | undefined): PDFObject[] {
  if (k === undefined) return [];
  return k instanceof lib.PDFArray ? k.asArray() : [k];
}

/**
 * A number or name tree's key–value pairs in order, flat, into `out`; returns the number tree's next free
 * key. With `drop`, its nodes are deleted from the context (the merged tree replaces them).
 */
function treeEntries(lib: Lib, context: PDFContext, node: PDFObject | undefined, leaf: 'Nums' | 'Names', out: PDFObject[], drop: boolean): number {
  const { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef } = lib;
  let next = 0;
  const visit = (at: PDFObject | undefined, depth: number) => {
    const dict = at === undefined ? undefined : context.lookupMaybe(at, PDFDict);
    if (!dict || depth > 32) return;
    if (drop && at instanceof PDFRef) context.delete(at);
    const pairs = dict.lookupMaybe(PDFName.of(leaf), PDFArray)?.asArray() ?? [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      out.push(pairs[i], pairs[i + 1]);
      if (pairs[i] instanceof PDFNumber) next = Math.max(next, (pairs[i] as PDFNumber).asNumber() + 1);
    }
    for (const kid of dict.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) visit(kid, depth + 1);
  };
  visit(node, 0);
  return next;
}

/** The key after a tree's last, as its root says (`/ParentTreeNextKey`) or as its entries show. */
function keyAfter(lib: Lib, root: PDFDict, shown: number): number {
  const said = root.lookupMaybe(lib.PDFName.of('ParentTreeNextKey'), lib.PDFNumber);
  return Math.max(shown, said?.asNumber() ?? 0);
}

function shiftKey(lib: Lib, dict: PDFDict, key: string, offset: number): void {
  const value = dict.lookupMaybe(lib.PDFName.of(key), lib.PDFNumber);
  if (value) dict.set(lib.PDFName.of(key), lib.PDFNumber.of(value.asNumber() + offset));
}

function text(lib: Lib, value: PDFObject): string {
  return value instanceof lib.PDFString || value instanceof lib.PDFHexString ? value.decodeText() : String(value);
}

/** Gives elements of a batch their new IDs, and the table cells that name them as headers. */
function renameIds(lib: Lib, context: PDFContext, kids: PDFObject[], renames: Map<string, string>): void {
  const { PDFArray, PDFDict, PDFName, PDFString } = lib;
  const renamed = (value: PDFObject) => renames.get(text(lib, value));
  const stack = [...kids];
  while (stack.length) {
    const element = context.lookup(stack.pop());
    if (!(element instanceof PDFDict) || !element.has(PDFName.of('S'))) continue;
    const id = element.get(PDFName.of('ID'));
    if (id && renamed(id)) element.set(PDFName.of('ID'), PDFString.of(renamed(id)!));
    for (const attribute of asArray(lib, element.get(PDFName.of('A')))) {
      const headers = context.lookupMaybe(attribute, PDFDict)?.lookupMaybe(PDFName.of('Headers'), PDFArray);
      for (let i = 0; headers && i < headers.size(); i++) {
        const header = renamed(headers.get(i));
        if (header) headers.set(i, PDFString.of(header));
      }
    }
    stack.push(...asArray(lib, element.get(PDFName.of('K'))));
  }
}
