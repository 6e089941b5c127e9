export const THEMES = ['default', 'print', 'high-contrast'] as const;
export type ThemeName = (typeof THEMES)[number];

/** Options every renderer takes. */
export interface RenderOptions {
  theme?: ThemeName;
  /** A folder of partials that override the built-in ones (HTML). */
  templates?: string;
  /** The map's file, for messages and the footer. */
  sourceFile?: string;
}
