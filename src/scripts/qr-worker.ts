// Draws a printed address's QR code off the page's thread. A worker, not a
// dynamic import: the page then carries no module-preload helper, and the
// encoder (about 4 kB gzipped) loads only when an address changes.
import { qrPath } from '../lib/qr.ts';

addEventListener('message', (e: MessageEvent<string>) => postMessage({ url: e.data, ...qrPath(e.data) }));
