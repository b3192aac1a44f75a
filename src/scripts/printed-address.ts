// Points the printed address at a URL known only in the browser, such as a
// pre-filled check (/red-flags/#check=...) or a handout, so the printout and
// its QR code lead back to it. The encoder (about 8 kB gzipped) runs in a
// worker started only when an address changes, so pages that never call this,
// and /red-flags/ until a sign is ticked, do not pay for it.
let latest = '';
let worker: Worker | undefined;

/** Prints `url` as the page's address now; its QR code follows once the worker has drawn it (the promise). */
export function setPrintedAddress(url: string): Promise<void> {
  const block = document.querySelector('.printed-address');
  const text = block?.querySelector('strong');
  if (!block || !text) return Promise.resolve();
  latest = url;
  text.textContent = url;
  worker ??= new Worker(new URL('./qr-worker.ts', import.meta.url), { type: 'module' });
  const drawn = new Promise<void>((resolve) => {
    worker!.onmessage = ({ data }: MessageEvent<{ url: string; size: number; d: string }>) => {
      // A newer address may have been set while the code was drawn.
      if (data.url !== latest) return;
      const svg = block.querySelector('svg')!;
      svg.setAttribute('viewBox', `0 0 ${data.size} ${data.size}`);
      svg.querySelector('path')!.setAttribute('d', data.d);
      resolve();
    };
  });
  worker.postMessage(url);
  return drawn;
}
