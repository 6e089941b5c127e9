import type { Severity } from '../../model/types.js';
import type { ThemeName } from '../options.js';

/** Every colour a renderer may use. Templates get these values, never user text, in their CSS. */
export interface Palette {
  paper: string;
  ink: string;
  text: string;
  muted: string;
  faint: string;
  rule: string;
  /** Tint of alternate stage columns and card icon wells; `none` in print. */
  tint: string;
  card: string;
  cardBorder: string;
  stageFill: string;
  stageText: string;
  /** Emotion −2…+2. */
  emotion: [string, string, string, string, string];
  positiveArea: string;
  negativeArea: string;
  severity: Record<Severity, string>;
  severityTint: Record<Severity, string>;
  opportunity: string;
  hatch: string;
  focus: string;
}

const slate = { s900: '#17202B', s700: '#3A4656', s500: '#667385', s300: '#AEB6C1', s200: '#D5DBE2', s100: '#E9EDF1', s50: '#F4F6F8' };

const defaultPalette: Palette = {
  paper: '#FFFFFF',
  ink: slate.s900,
  text: slate.s700,
  muted: '#5B6778',
  faint: slate.s300,
  rule: slate.s200,
  tint: slate.s50,
  card: '#FFFFFF',
  cardBorder: slate.s200,
  stageFill: slate.s900,
  stageText: '#FFFFFF',
  emotion: ['#C4321F', '#EA8A3A', '#A9B0BA', '#4FAF86', '#127A57'],
  positiveArea: '#E3F3EC',
  negativeArea: '#FBE4DE',
  severity: { critical: '#B42318', high: '#A8390A', medium: '#8A5A00', low: '#5F6B7A' },
  severityTint: { critical: '#FDECEA', high: '#FDF0E6', medium: '#FBF3DC', low: '#F1F3F5' },
  opportunity: '#127A57',
  hatch: '#C4321F',
  focus: '#1D4ED8',
};

/** Greyscale-safe and toner-friendly: no background fills, darker lines, meaning carried by shapes. */
const printPalette: Palette = {
  ...defaultPalette,
  muted: '#4A5566',
  faint: '#8A94A3',
  rule: '#AEB6C1',
  tint: 'none',
  card: 'none',
  cardBorder: '#8A94A3',
  stageFill: 'none',
  stageText: slate.s900,
  emotion: ['#9B2414', '#B8621C', '#6E7682', '#2E8A63', '#0B5E42'],
  positiveArea: 'none',
  negativeArea: 'none',
  severity: { critical: '#8F1C13', high: '#9A3412', medium: '#7A4A05', low: '#3A4656' },
  severityTint: { critical: 'none', high: 'none', medium: 'none', low: 'none' },
  opportunity: '#0B5E42',
};

/** WCAG AAA: every text colour reaches 7:1 on white (and on its tint). */
const highContrastPalette: Palette = {
  paper: '#FFFFFF',
  ink: '#000000',
  text: '#111111',
  muted: '#333333',
  faint: '#595959',
  rule: '#595959',
  tint: '#F2F2F2',
  card: '#FFFFFF',
  cardBorder: '#333333',
  stageFill: '#000000',
  stageText: '#FFFFFF',
  emotion: ['#8A1A0E', '#7A3A00', '#4D4D4D', '#0A5C3A', '#064A2E'],
  positiveArea: '#E6F2EC',
  negativeArea: '#F7E6E3',
  severity: { critical: '#8A1A0E', high: '#7A3A00', medium: '#5C4300', low: '#333333' },
  severityTint: { critical: '#FFFFFF', high: '#FFFFFF', medium: '#FFFFFF', low: '#FFFFFF' },
  opportunity: '#064A2E',
  hatch: '#8A1A0E',
  focus: '#0000CC',
};

export const palettes: Record<ThemeName, Palette> = { default: defaultPalette, print: printPalette, 'high-contrast': highContrastPalette };

/** The font stack: Liberation Sans has Arial's metrics, so wrapping measured on it holds where Arial stands in. */
export const FONT_FAMILY = "'Liberation Sans', Arial, Helvetica, 'DejaVu Sans', 'WenQuanYi Zen Hei', sans-serif";

/** Type scale in px at 96 dpi (see the design notes: nothing under 10 px, 7.5 pt on A3). */
export const TYPE = { title: 32, subtitle: 20, stage: 16, figure: 20, body: 11.5, small: 10.5, label: 10 } as const;
