/**
 * Where the analysis of a map draws its lines. One set per run: the configuration's `analyze` section
 * and the command line override the defaults, and the map, its renderings and `analyze` all use it.
 */
export interface Thresholds {
  /** A touchpoint at or below this emotion is a low point (-2..2). */
  lowEmotion: number;
  /** Longest stretch, in whole days, without contact that is not a contact hole. */
  contactHoleDays: number;
  /** Most contacts to one segment (or to all patients) in any 7 days before `contact-frequency` speaks. */
  maxContactsPerWeek: number;
  /** Id of a stage before whose first timed touchpoint the analysed window does not start. Default: none. */
  afterCareStage?: string;
  /** Channels that need a consent basis, with the law that asks for it. Custom channels count by their icon. */
  consentChannels: Record<string, string>;
  /**
   * The thresholds typed on the command line: they win over a map's own `thresholds`, which win over the
   * configuration's. Empty when nothing was typed.
   */
  commandLine?: readonly string[];
}

/** The thresholds a map may set for itself (`thresholds:` in the map). */
export type MapThresholds = Partial<Pick<Thresholds, 'contactHoleDays' | 'maxContactsPerWeek'>>;

export const defaultThresholds: Thresholds = {
  lowEmotion: -1,
  contactHoleDays: 56,
  maxContactsPerWeek: 3,
  consentChannels: { sms: 'TCPA', phone: 'TCPA', 'call-center': 'TCPA', email: 'CAN-SPAM' },
};

/**
 * The defaults with the run's thresholds (configuration and command line) laid over them, and the map's own
 * over those except where the command line set a value. Consent channels are merged, not replaced.
 */
export function resolveThresholds(given: Partial<Thresholds> = {}, map: MapThresholds = {}): Thresholds {
  const typed = new Set(given.commandLine ?? []);
  const own = Object.fromEntries(Object.entries(map).filter(([key, value]) => value !== undefined && !typed.has(key)));
  return { ...defaultThresholds, ...given, ...own, consentChannels: { ...defaultThresholds.consentChannels, ...given.consentChannels } };
}
