/* Generated from schemas/journeymap.config.schema.json by scripts/gen-types.mjs. Do not edit: run `npm run gen:types`. */

/**
 * off, warn or error.
 *
 * This interface was referenced by `JourneymapConfig`'s JSON-Schema
 * via the `definition` "ruleSetting".
 */
export type RuleSetting = 'off' | 'warn' | 'error';
/**
 * off, info, warn or error.
 *
 * This interface was referenced by `JourneymapConfig`'s JSON-Schema
 * via the `definition` "analyzeRuleSetting".
 */
export type AnalyzeRuleSetting = 'off' | 'info' | 'warn' | 'error';

/**
 * Settings for the journeymap commands in a project, in journeymap.config.yaml (or .json) at the root of the project. The file is found from the working folder upward; --config names one. Paths are relative to the file. Command-line flags win over these settings.
 */
export interface JourneymapConfig {
  /**
   * The JSON Schema of this file, for editors.
   */
  $schema?: string;
  /**
   * The maps to work on when no paths are given on the command line: files, folders (searched for *.journey.yaml and *.journey.yml) or globs.
   *
   * @minItems 1
   */
  include?: [string, ...string[]];
  /**
   * Globs of map files to leave out, even when a folder or glob would include them.
   */
  exclude?: string[];
  /**
   * Folder the outputs of build are written to; by default each output goes beside its map.
   */
  outDir?: string;
  /**
   * Output formats of build.
   *
   * @minItems 1
   */
  formats?: ['html' | 'svg' | 'pdf' | 'png', ...('html' | 'svg' | 'pdf' | 'png')[]];
  /**
   * Visual theme of the outputs.
   */
  theme?: 'default' | 'print' | 'high-contrast';
  /**
   * Folder of Handlebars partials that override the built-in ones.
   */
  templates?: string;
  /**
   * Paper size of PDF output.
   */
  paper?: 'A4' | 'A3' | 'A2' | 'A1' | 'A0' | 'Letter' | 'Legal' | 'Tabloid';
  /**
   * Page orientation of PDF output.
   */
  orientation?: 'landscape' | 'portrait';
  /**
   * Pixel density of PNG output.
   */
  scale?: number;
  /**
   * How each rule is treated: off (not checked), warn (reported, does not fail) or error (fails validation). Rules left out keep their default.
   */
  rules?: {
    /**
     * The file is larger than a journey map can reasonably be. Default: error.
     */
    'file-too-large'?: 'off' | 'warn' | 'error';
    /**
     * The file is not UTF-8 text. Default: error.
     */
    'file-encoding'?: 'off' | 'warn' | 'error';
    /**
     * The file holds no map. Default: error.
     */
    'empty-file'?: 'off' | 'warn' | 'error';
    /**
     * The YAML cannot be parsed. Default: error.
     */
    'yaml-syntax'?: 'off' | 'warn' | 'error';
    /**
     * The YAML parses, but with something the parser flags (an unknown tag, say). Default: warn.
     */
    'yaml-warning'?: 'off' | 'warn' | 'error';
    /**
     * A key appears twice in the same mapping. Default: error.
     */
    'duplicate-key'?: 'off' | 'warn' | 'error';
    /**
     * Too many YAML aliases: a map never needs them, an alias bomb does. Default: error.
     */
    'alias-limit'?: 'off' | 'warn' | 'error';
    /**
     * The YAML nests deeper than any journey map does. Default: error.
     */
    'nesting-depth'?: 'off' | 'warn' | 'error';
    /**
     * The top level of the file is not a mapping of keys. Default: error.
     */
    'not-a-map'?: 'off' | 'warn' | 'error';
    /**
     * Text holds a control character or a noncharacter that no HTML page or SVG image can show. Default: error.
     */
    'invalid-character'?: 'off' | 'warn' | 'error';
    /**
     * `journeymap:` is missing or names a version this tool does not read. Default: error.
     */
    'format-version'?: 'off' | 'warn' | 'error';
    /**
     * A required property is missing. Default: error.
     */
    'required-property'?: 'off' | 'warn' | 'error';
    /**
     * A property the format does not define (often a typo). Default: error.
     */
    'unknown-property'?: 'off' | 'warn' | 'error';
    /**
     * A value of the wrong type (a list where text is expected, say). Default: error.
     */
    'invalid-type'?: 'off' | 'warn' | 'error';
    /**
     * A value outside what the property allows (an enum, a range, a pattern). Default: error.
     */
    'invalid-value'?: 'off' | 'warn' | 'error';
    /**
     * Two items share an id; ids are unique across the whole map. Default: error.
     */
    'duplicate-id'?: 'off' | 'warn' | 'error';
    /**
     * A reference to an id that is not declared, or is declared as something else. Default: error.
     */
    'unresolved-reference'?: 'off' | 'warn' | 'error';
    /**
     * Milestones placed relative to each other in a loop. Default: error.
     */
    'milestone-cycle'?: 'off' | 'warn' | 'error';
    /**
     * A timing window or repetition that ends before it starts. Default: error.
     */
    'timing-order'?: 'off' | 'warn' | 'error';
    /**
     * A stage with no touchpoints leaves a hole in the map. Default: warn.
     */
    'stage-without-touchpoints'?: 'off' | 'warn' | 'error';
    /**
     * A gap with no opportunity says what is wrong but not what to do. Default: warn.
     */
    'gap-without-opportunity'?: 'off' | 'warn' | 'error';
    /**
     * A gap names a touchpoint that belongs to another stage than the gap's. Default: warn.
     */
    'gap-touchpoint-in-other-stage'?: 'off' | 'warn' | 'error';
    /**
     * A custom channel no touchpoint or outreach uses. Default: warn.
     */
    'unused-channel'?: 'off' | 'warn' | 'error';
    /**
     * A custom channel reuses the id of a built-in channel. Default: warn.
     */
    'builtin-channel-redeclared'?: 'off' | 'warn' | 'error';
    /**
     * An outreach item's timing falls in another stage's span of time (its first to last touchpoint) and outside its own stage's: the map draws it in its stage's column. Default: warn.
     */
    'outreach-stage-timing'?: 'off' | 'warn' | 'error';
    /**
     * Two stages share a name, which makes the map ambiguous. Default: warn.
     */
    'duplicate-stage-name'?: 'off' | 'warn' | 'error';
    /**
     * Timing is given but the map declares no milestone to count from. Default: error.
     */
    'timing-without-milestone'?: 'off' | 'warn' | 'error';
  };
  /**
   * Settings of journeymap analyze: how each of its rules is treated, and where its thresholds lie.
   */
  analyze?: {
    /**
     * How each analysis rule is treated: off, info (reported, never fails), warn or error. Rules left out keep their default.
     */
    rules?: {
      /**
       * A touchpoint where the person feels bad (emotion at or below the threshold) and no gap names it. Default: warn.
       */
      'unrecorded-low-point'?: 'off' | 'info' | 'warn' | 'error';
      /**
       * A stage with no touchpoint for one of the personas: their journey has a hole there. Default: warn.
       */
      'stage-without-persona'?: 'off' | 'info' | 'warn' | 'error';
      /**
       * A channel that carries the journey in one stage only: a candidate to extend, or to retire. Default: info.
       */
      'single-stage-channel'?: 'off' | 'info' | 'warn' | 'error';
      /**
       * A stretch longer than contactHoleDays with no contact (counted outreach, touchpoints the service starts), for all patients or for one segment. Default: warn.
       */
      'contact-hole'?: 'off' | 'info' | 'warn' | 'error';
      /**
       * Outreach by SMS, phone or email that declares no consent basis (TCPA for texts and calls, CAN-SPAM for email). Default: warn.
       */
      'consent-missing'?: 'off' | 'info' | 'warn' | 'error';
      /**
       * Texts or calls on an opt-out basis: the TCPA needs prior express consent for them. Default: warn.
       */
      'consent-insufficient'?: 'off' | 'info' | 'warn' | 'error';
      /**
       * A gap nobody is accountable for closing. Default: warn.
       */
      'gap-without-owner'?: 'off' | 'info' | 'warn' | 'error';
      /**
       * A gap with no opportunity: it says what is wrong but not what to do. Default: warn.
       */
      'gap-without-opportunity'?: 'off' | 'info' | 'warn' | 'error';
      /**
       * An outreach item that does not say why the person is contacted (treatment, operations, payment, marketing, research). Default: warn.
       */
      'purpose-missing'?: 'off' | 'info' | 'warn' | 'error';
      /**
       * Marketing sent under the healthcare exemption, which covers only calls and texts about care. Default: error.
       */
      'healthcare-exemption-purpose'?: 'off' | 'info' | 'warn' | 'error';
      /**
       * Calls or texts under the healthcare exemption more often than 1 a day or 3 a week (FCC 2015). Default: error.
       */
      'healthcare-exemption-frequency'?: 'off' | 'info' | 'warn' | 'error';
      /**
       * Marketing by text or automated call without express written consent, or by email without opt-in or an opt-out with an unsubscribe. Default: error.
       */
      'marketing-consent'?: 'off' | 'info' | 'warn' | 'error';
      /**
       * More contacts to one segment in 7 days than maxContactsPerWeek. Default: warn.
       */
      'contact-frequency'?: 'off' | 'info' | 'warn' | 'error';
      /**
       * Text that looks like protected health information (phone, e-mail, MRN, SSN, date of birth; in outreach also persona names and CPT/ICD-10 codes). Default: warn.
       */
      'phi-in-text'?: 'off' | 'info' | 'warn' | 'error';
    };
    /**
     * A touchpoint at or below this emotion is a low point.
     */
    lowEmotion?: number;
    /**
     * Longest stretch, in whole days, without contact that is not a contact hole. A map's own `thresholds.contactHoleDays` wins over this; --contact-hole-days wins over both. `analyze` reports longer stretches and `build` draws the same ones on the map's outreach lane.
     */
    contactHoleDays?: number;
    /**
     * Most contacts to one segment (or to all patients) in any 7 days before the contact-frequency rule speaks. A map's own `thresholds.maxContactsPerWeek` wins over this.
     */
    maxContactsPerWeek?: number;
    /**
     * Id of a stage before which the analysed window does not start (by default the window starts at the first contact).
     */
    afterCareStage?: string;
  };
}
