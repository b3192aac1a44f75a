// Old URL -> new URL. A published URL never breaks (tests/e2e/urls.spec.ts):
// when a page is renamed or removed, add its old path here and the build
// serves a redirect from it to the new URL.
// A removed section ("/faq/#old-id") can be listed too. Browsers never send
// "#..." to the server, so nothing is redirected: the old link opens its page
// at the top. Listing it records where that content went now.
/** @type {Record<string, string>} */
export const redirects = {
  // Merged into "How can I prevent sore calves?" (one question, one answer).
  '/faq/can-calf-soreness-be-prevented-completely/': '/faq/how-can-i-prevent-sore-calves/',
  '/faq/#can-calf-soreness-be-prevented-completely': '/faq/#how-can-i-prevent-sore-calves',
  '/faq/can-calf-soreness-be-prevented-completely/#know-the-difference':
    '/faq/how-can-i-prevent-sore-calves/#know-normal-from-not-normal',
  // Sections renamed when the treatment and FAQ pages were rewritten.
  '/causes/pain-from-the-back/#call-999-if-you-have-back-pain-with-any-of-these':
    '/causes/pain-from-the-back/#call-999-if-you-have-any-of-these',
  '/faq/why-do-my-calves-cramp/#what-helps': '/faq/why-do-my-calves-cramp/#making-cramps-less-likely',
  '/treatments/calf-strengthening/#why-it-helps': '/treatments/calf-strengthening/#two-muscles-to-train',
  '/treatments/compression-and-elevation/#how-long-to-keep-it-up':
    '/treatments/compression-and-elevation/#how-to-raise-your-leg',
  '/treatments/compression-and-elevation/#how-to-do-it':
    '/treatments/compression-and-elevation/#how-to-bandage-your-calf',
  '/treatments/compression-and-elevation/#take-care':
    '/treatments/compression-and-elevation/#when-not-to-bandage-or-raise-it',
  '/treatments/fluids-and-electrolytes/#after-a-cramp-or-hard-run':
    '/treatments/fluids-and-electrolytes/#drinking-and-cramp',
  '/treatments/fluids-and-electrolytes/#before-during-and-after':
    '/treatments/fluids-and-electrolytes/#drink-to-thirst',
  '/treatments/fluids-and-electrolytes/#food-counts-too': '/treatments/fluids-and-electrolytes/#drink-to-thirst',
  '/treatments/fluids-and-electrolytes/#take-care': '/treatments/fluids-and-electrolytes/#too-much-can-be-dangerous',
  '/treatments/fluids-and-electrolytes/#why-it-matters': '/treatments/fluids-and-electrolytes/#drink-to-thirst',
  '/treatments/foam-rolling-and-self-massage/#how-to-do-it':
    '/treatments/foam-rolling-and-self-massage/#how-to-roll-your-calf',
  '/treatments/foam-rolling-and-self-massage/#roll-before-you-stretch':
    '/treatments/foam-rolling-and-self-massage/#roll-then-stretch',
  '/treatments/foam-rolling-and-self-massage/#take-care': '/treatments/foam-rolling-and-self-massage/#when-not-to-roll',
  '/treatments/foam-rolling-and-self-massage/#when-to-use-it':
    '/treatments/foam-rolling-and-self-massage/#what-it-does',
  '/treatments/gradual-progression/#get-a-second-opinion': '/treatments/gradual-progression/#help-with-planning',
  '/treatments/gradual-progression/#plan-rest-into-your-week': '/treatments/gradual-progression/#leave-room-to-recover',
  '/treatments/gradual-progression/#why-it-matters': '/treatments/gradual-progression/#the-10-guide',
  '/treatments/ice/#how-much-and-how-often': '/treatments/ice/#how-to-ice-your-calf',
  '/treatments/ice/#how-to-do-it': '/treatments/ice/#how-to-ice-your-calf',
  '/treatments/ice/#ice-or-heat': '/treatments/ice/#what-not-to-do-in-the-first-days',
  '/treatments/ice/#take-care': '/treatments/ice/#when-not-to-use-ice',
  '/treatments/professional-help/#check-the-warning-signs-first': '/red-flags/',
  '/treatments/professional-help/#what-they-may-do':
    '/treatments/professional-help/#what-a-physiotherapist-or-doctor-will-do',
  '/treatments/professional-help/#when-to-book-an-appointment':
    '/faq/when-should-i-see-a-doctor-or-physio/#book-an-appointment-in-the-next-few-days-if',
  '/treatments/running-form-and-cadence/#calf-friendly-tips':
    '/treatments/running-form-and-cadence/#four-tips-for-your-calves',
  '/treatments/running-form-and-cadence/#why-form-matters':
    '/treatments/running-form-and-cadence/#four-tips-for-your-calves',
  '/treatments/sports-massage/#take-care': '/treatments/sports-massage/#when-not-to-have-a-massage',
  '/treatments/sports-massage/#when-to-book': '/treatments/sports-massage/#after-a-strain-wait',
  '/treatments/strengthening-hips-and-shins/#glutes-and-hamstrings':
    '/treatments/strengthening-hips-and-shins/#buttocks-and-thighs',
  '/treatments/stretching/#how-long-to-hold': '/treatments/stretching/#wall-stretch-knee-straight',
  '/treatments/stretching/#how-to-do-it': '/treatments/stretching/#two-muscles-two-stretches',
  '/treatments/stretching/#roll-first': '/treatments/stretching/#before-or-after-a-run',
};

/** The entries Astro can serve: whole pages, not sections. */
export const pageRedirects = Object.fromEntries(Object.entries(redirects).filter(([from]) => !from.includes('#')));
