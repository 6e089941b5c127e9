import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/cli.js';

// How a long map is cut into Chromium prints, and how their pages are numbered as one file
// (src/render/print/prints.ts): the rules, on the built module, with prints that count their pages.
const { groupPrints, printGroups } = await import(join(root, 'dist/render/print/prints.js'));
type Group = { parts: number[] } | { notes: true };
type Numbering = { before: number; total: number };

const parts = (sheets: number[], styles = sheets.map(() => 'a')) => sheets.map((s, i) => ({ sheets: s, styles: styles[i] }));

describe('cutting a map into prints', () => {
  it('prints a map that fits in one print, notes with it', () => {
    expect(groupPrints(parts([1, 2, 3]), 10)).toEqual({ groups: [{ parts: [0, 1, 2] }], single: true });
  });

  it('cuts runs of at most the limit, a longer part alone, then the notes', () => {
    expect(groupPrints(parts([4, 4, 4, 12, 1]), 10).groups).toEqual([{ parts: [0, 1] }, { parts: [2] }, { parts: [3] }, { parts: [4] }, { notes: true }]);
  });

  it('never prints parts with other styles in one document', () => {
    expect(groupPrints(parts([1, 1, 1], ['seven columns', 'seven columns', 'six columns']), 10)).toEqual({ groups: [{ parts: [0, 1] }, { parts: [2] }, { notes: true }], single: false });
  });
});

describe('numbering prints as one file', () => {
  /** Prints that take `real[i]` pages whatever their footer says, recording the numbering of each print. */
  const printer = (groups: Group[], real: number[]) => {
    const calls: { group: number; numbering: Numbering }[] = [];
    const printOne = async (group: Group, numbering: Numbering) => {
      const i = groups.indexOf(group);
      calls.push({ group: i, numbering });
      return { bytes: new Uint8Array([i, numbering.before, numbering.total]), pages: real[i] };
    };
    return { calls, printOne };
  };
  const groups: Group[] = [{ parts: [0] }, { parts: [1] }, { notes: true }];

  it('prints each group once when the estimate is right, the notes first', async () => {
    const { calls, printOne } = printer(groups, [3, 2, 4]);
    const { files, pages } = await printGroups(groups, [3, 2, 4], printOne);
    expect(pages).toBe(9);
    expect(calls.map((c) => c.group)).toEqual([2, 0, 1]);
    expect(files.map((f: Uint8Array) => [...f])).toEqual([[0, 0, 9], [1, 3, 9], [2, 5, 9]]);
  });

  it('prints again, with the true numbers, the groups an estimate numbered wrong', async () => {
    // The notes took 6 pages, not 4: the notes are printed again with the right total, the parts
    // printed after them were numbered right already.
    const notesWrong = printer(groups, [3, 2, 6]);
    const first = await printGroups(groups, [3, 2, 4], notesWrong.printOne);
    expect(first.files.map((f: Uint8Array) => [...f])).toEqual([[0, 0, 11], [1, 3, 11], [2, 5, 11]]);
    expect(notesWrong.calls.map((c) => c.group)).toEqual([2, 0, 1, 2]);
    // A part took a page more than estimated: every group after it, and every total, changes.
    const partWrong = printer(groups, [4, 2, 4]);
    const second = await printGroups(groups, [3, 2, 4], partWrong.printOne);
    expect(second.files.map((f: Uint8Array) => [...f])).toEqual([[0, 0, 10], [1, 4, 10], [2, 6, 10]]);
    expect(second.pages).toBe(10);
  });
});
