// schema.org JSON-LD for search engines and link previews.
import { LOCALE } from '../site.ts';
import { absoluteUrl } from './urls.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function medicalPageJsonLd(p: { site: URL; path: string; title: string; summary: string; lastReviewed: Date }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    name: p.title,
    description: p.summary,
    url: absoluteUrl(p.site, p.path),
    inLanguage: LOCALE,
    lastReviewed: iso(p.lastReviewed),
    audience: { '@type': 'PeopleAudience', audienceType: 'Runners' },
  };
}

export function breadcrumbJsonLd(site: URL, crumbs: { href: string; label: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.label,
      item: absoluteUrl(site, c.href),
    })),
  };
}

export function faqPageJsonLd(items: { question: string; answer: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: items.map((q) => ({
      '@type': 'Question',
      name: q.question,
      acceptedAnswer: { '@type': 'Answer', text: q.answer },
    })),
  };
}
