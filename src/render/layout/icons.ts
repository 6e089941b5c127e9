import type { BuiltinChannelId } from '../../model/channels.js';
import type { Severity } from '../../model/types.js';

/** Line icons on a 24-unit grid, drawn with a 2-unit round stroke in the current colour. */
export const channelIcons: Record<BuiltinChannelId, string> = {
  web: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z',
  search: 'M10.5 3a7.5 7.5 0 1 0 0 15 7.5 7.5 0 0 0 0-15zM16 16l5 5',
  social: 'M4 4h11a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H9l-4 3v-3H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM19 9h1a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-1v3l-4-3h-4',
  email: 'M3 5h18v14H3zM3 6l9 7 9-7',
  sms: 'M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H9l-5 4v-4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zM8 10.5h.01M12 10.5h.01M16 10.5h.01',
  phone: 'M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z',
  'call-center': 'M4 14v-2a8 8 0 0 1 16 0v2M4 14h3v6H5a1 1 0 0 1-1-1zM20 14h-3v6h2a1 1 0 0 0 1-1zM20 19a3 3 0 0 1-3 3h-3',
  chat: 'M21 12a8 8 0 0 1-11.6 7.1L4 21l1.9-5.4A8 8 0 1 1 21 12z',
  'mobile-app': 'M7 2h10a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zM11 18h2',
  portal: 'M3 4h18v16H3zM3 9h18M9 9v11',
  video: 'M3 6h12v12H3zM15 10l6-3v10l-6-3',
  mail: 'M3 21V11a4 4 0 0 1 8 0v10zM7 7h10a4 4 0 0 1 4 4v10H11M15 3v6M15 3h3v2h-3',
  print: 'M6 2h9l5 5v15H6zM14 2v6h6M9 13h8M9 17h8',
  'in-person': 'M12 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4 21a8 8 0 0 1 16 0',
  referral: 'M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5',
};

export const uiIcons = {
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 2',
  bulb: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z',
  goal: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 11.5v1',
  persona: 'M12 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4 21a8 8 0 0 1 16 0',
  pain: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7.5v5.5M12 16.5h.01',
} as const;

/**
 * Severity shapes on a 16-unit box, the second cue beside colour: octagon, triangle, diamond, open circle.
 * `mark` is the white glyph inside the filled shapes.
 */
export const severityShapes: Record<Severity, { shape: string; filled: boolean; mark: string }> = {
  critical: { shape: 'M5.2 1h5.6L15 5.2v5.6L10.8 15H5.2L1 10.8V5.2z', filled: true, mark: 'M8 4.5v4.5M8 11.3v.2' },
  high: { shape: 'M8 1.2 15.2 14H.8z', filled: true, mark: 'M8 6v3.8M8 11.6v.2' },
  medium: { shape: 'M8 1 15 8 8 15 1 8z', filled: true, mark: '' },
  low: { shape: 'M8 2.2a5.8 5.8 0 1 0 0 11.6A5.8 5.8 0 0 0 8 2.2z', filled: false, mark: '' },
};
