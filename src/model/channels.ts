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

/** Words people write for a built-in channel, so that `channel: text` can suggest `sms`. */
export const channelSynonyms: Record<string, BuiltinChannelId> = {
  text: 'sms',
  texts: 'sms',
  texting: 'sms',
  txt: 'sms',
  'text-message': 'sms',
  call: 'phone',
  calls: 'phone',
  telephone: 'phone',
  ivr: 'phone',
  robocall: 'phone',
  letter: 'mail',
  post: 'mail',
  postal: 'mail',
  mailer: 'mail',
  app: 'mobile-app',
  mobile: 'mobile-app',
  website: 'web',
  site: 'web',
  internet: 'web',
  google: 'search',
  facebook: 'social',
  instagram: 'social',
  'social-media': 'social',
  visit: 'in-person',
  office: 'in-person',
  clinic: 'in-person',
  hospital: 'in-person',
  telehealth: 'video',
  'video-visit': 'video',
  'live-chat': 'chat',
  'patient-portal': 'portal',
  mychart: 'portal',
  'e-mail': 'email',
  newsletter: 'email',
  brochure: 'print',
  flyer: 'print',
  'call-centre': 'call-center',
  'contact-center': 'call-center',
};

const builtinIds: ReadonlySet<string> = new Set(Object.keys(builtinChannels));

export function isBuiltinChannel(id: string): id is BuiltinChannelId {
  return builtinIds.has(id);
}
