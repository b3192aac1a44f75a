// Points the printed address at a URL known only in the browser, such as a
// pre-filled check (/red-flags/#check=...), so the printout leads back to it.
export function setPrintedAddress(url: string): void {
  const text = document.querySelector('.printed-address strong');
  if (text) text.textContent = url;
}
