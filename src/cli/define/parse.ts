import { JourneymapError } from '../../errors.js';

/** A whole number option value (counts, milliseconds). */
export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new JourneymapError(`expected a whole number, got "${value}"`);
  return n;
}

/** A positive number option value (scales). */
export function parseNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new JourneymapError(`expected a positive number, got "${value}"`);
  return n;
}
