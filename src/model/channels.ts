/** The channels every map can use without declaring them, with their display names. */
export const builtinChannels = {
  web: 'Web',
  search: 'Search',
  social: 'Social media',
  email: 'Email',
  sms: 'SMS',
  phone: 'Phone',
  'call-center': 'Call center',
  chat: 'Chat',
  'mobile-app': 'Mobile app',
  portal: 'Portal',
  video: 'Video visit',
  mail: 'Mail',
  print: 'Print',
  'in-person': 'In person',
  referral: 'Referral',
} as const;

export type BuiltinChannelId = keyof typeof builtinChannels;

const builtinIds: ReadonlySet<string> = new Set(Object.keys(builtinChannels));

export function isBuiltinChannel(id: string): id is BuiltinChannelId {
  return builtinIds.has(id);
}
