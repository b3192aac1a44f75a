// Points the printed address at a URL known only in the browser, such as a
// pre-filled check (/red-flags/#check=...) or a handout, so the printout and
// its QR code lead back to it. The encoder (about 8 kB gzipped) loads only when
// an address changes, so content pages that never call this do not pay for it.
let latest = '';

export async function setPrintedAddress(url: string): Promise<void> {
  const block = document.querySelector('.printed-address');
  const text = block?.querySelector('strong');
  if (!block || !text) return;
  latest = url;
  text.textContent = url;
  const { qrPath } = await import('../lib/qr.ts');
  // A newer address may have been set while the encoder loaded.
  if (latest !== url) return;
  const { size, d } = qrPath(url);
  const svg = block.querySelector('svg')!;
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.querySelector('path')!.setAttribute('d', d);
}
