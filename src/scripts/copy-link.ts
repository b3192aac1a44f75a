// Copy links. With JavaScript, a heading's "#" link copies the section's full
// URL, and links marked data-copy-button get a "Copy link" button; both say
// "Link copied", on screen and to screen readers. Without JavaScript, "#"
// links are plain links to their section and there are no copy buttons.
const SHOWN_FOR_MS = 3000;
const IDLE = 'Copy link';
const SECTION_IDLE = 'Copy link to section';

const liveRegion = document.createElement('p');
liveRegion.className = 'visually-hidden';
liveRegion.setAttribute('role', 'status');
document.body.append(liveRegion);

const span = (text: string, className = '') =>
  Object.assign(document.createElement('span'), { className, textContent: text });

for (const label of document.querySelectorAll('.section-link-label')) {
  label.textContent = SECTION_IDLE;
  // "Link to section: <title>" becomes "Copy link to section: <title>", as the label now says.
  const link = label.parentElement!;
  link.setAttribute('aria-label', `Copy l${link.getAttribute('aria-label')!.slice(1)}`);
}
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-copy-button]')) {
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'copy-button' });
  button.dataset.copy = link.getAttribute('href')!;
  button.append(span(IDLE, 'copy-label'), span(` to ${link.textContent}`, 'visually-hidden'));
  link.after(' ', button);
}

document.addEventListener('click', async (event) => {
  const control = (event.target as Element).closest<HTMLElement>('a[data-copy-link], button[data-copy]');
  if (!control) return;
  const url = new URL(control.dataset.copy ?? control.getAttribute('href')!, location.href).href;
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    return; // No clipboard here (e.g. not https): the "#" link still goes to its section.
  }
  const label = control.querySelector('.section-link-label, .copy-label')!;
  label.textContent = 'Link copied';
  control.dataset.copied = '';
  // Cleared first so that copying twice is announced twice.
  liveRegion.textContent = '';
  setTimeout(() => (liveRegion.textContent = 'Link copied'), 50);
  setTimeout(() => {
    label.textContent = control.matches('.section-link') ? SECTION_IDLE : IDLE;
    delete control.dataset.copied;
  }, SHOWN_FOR_MS);
});
