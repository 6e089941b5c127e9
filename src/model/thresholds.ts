/**
 * Where the analysis of a map draws its lines. One set per run: the configuration's `analyze` section
 * and the command line override the defaults, and the map, its renderings and `analyze` all use it.
 */
export interface Thresholds {
  /** A touchpoint at or below this emotion is a low point (-2..2). */
  lowEmotion: number;
  /** Longest stretch, in days, without planned outreach in the stages after care. */
  contactHoleDays: number;
  /**
   * Id of the first stage "after care". Default: the first stage whose id or name says treatment, else
   * the second half of the stages.
   */
  afterCareStage?: string;
  /** Channels that need a consent basis, with the law that asks for it. Custom channels count by their icon. */
  consentChannels: Record<string, string>;
}

export const defaultThresholds: Thresholds = {
  lowEmotion: -1,
  contactHoleDays: 56,
  consentChannels: { sms: 'TCPA', phone: 'TCPA', 'call-center': 'TCPA', email: 'CAN-SPAM' },
};

/** The defaults with `given` laid over them; consent channels are merged, not replaced. */
export function resolveThresholds(given: Partial<Thresholds> = {}): Thresholds {
  return { ...defaultThresholds, ...given, consentChannels: { ...defaultThresholds.consentChannels, ...given.consentChannels } };
}
