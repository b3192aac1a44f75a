// Site-wide words and navigation, kept in one place.
export const SITE_NAME = 'Sore Calves Guide';
export const SITE_TAGLINE = 'Calf soreness and calf pain in runners, in plain English';

export const NAV = [
  { href: '/causes/', label: 'Causes' },
  { href: '/treatments/', label: 'Treatments' },
  { href: '/faq/', label: 'Questions' },
  { href: '/red-flags/', label: 'When to get help' },
  { href: '/for-clinics/', label: 'For clinics' },
] as const;
