import { JourneymapError } from '../../errors.js';
import type { JourneyMap } from '../../types/journeymap.js';

// Placeholder until PDF/PNG printing lands (issue 4).
export async function printMaps(_jobs: { file: string; map: JourneyMap }[], _options: object): Promise<number> {
  throw new JourneymapError('PDF and PNG output are not available yet');
}
