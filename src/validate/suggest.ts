import { distance } from 'fastest-levenshtein';

/** The words of an id or a name: `lifestyle-change` and `Lifestyle change` both give lifestyle, change. */
const wordsOf = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3);

/**
 * The candidate `word` most plausibly meant: one it begins (`lifestyle` for `lifestyle-change`), else one
 * sharing a whole word with it (`change` for `lifestyle-change`), else the closest by edit distance when
 * close enough to be a typo. Ties go to the first in alphabetical order, so messages are stable.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates].sort();
  const lower = word.toLowerCase();
  if (lower.length >= 3) {
    const prefixed = list.filter((c) => c.toLowerCase().startsWith(lower));
    if (prefixed.length === 1) return prefixed[0];
    const words = wordsOf(word);
    const sharing = list.filter((c) => wordsOf(c).some((w) => words.includes(w)));
    if (sharing.length === 1) return sharing[0];
  }
  return closestByDistance(word, list);
}

function closestByDistance(word: string, candidates: string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3));
  const prefix = best.toLowerCase().startsWith(lower) || lower.startsWith(best.toLowerCase());
  return bestDistance <= limit || (prefix && Math.min(word.length, best.length) >= 3) ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : `; did you mean \`${match}\`?`;
}

/** A slug made from free text (`Make tea!` gives `make-tea`), at most `maxLength` long; empty if it has no letters or digits. */
export function slugify(text: string, maxLength = 64): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
