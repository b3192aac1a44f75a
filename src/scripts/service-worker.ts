// The offline worker. Bundled into dist/sw.js by src/integrations/service-worker.ts,
// which inlines OFFLINE_BUILD: the build's version, the files cached at install
// and the files "Save the guide for offline" downloads. The rules are in
// src/lib/offline.ts; this file only wires them to the browser's events.
import {
  cacheKey,
  cacheNames,
  fallbackFor,
  isCacheable,
  isSavedCache,
  progressText,
  routeFor,
  SAVED_MARKER,
  staleCaches,
  type OfflinePlan,
  type Route,
  type SaveMessage,
  type SaveRequest,
} from '../lib/offline.ts';

// The service worker's own types (the project's TypeScript has the DOM's, not the worker's).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageSource {
  postMessage(message: unknown): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown;
  source: MessageSource | null;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
declare const self: WorkerScope;
declare const OFFLINE_BUILD: OfflinePlan & { version: string };

const { version, core, save, saveBytes } = OFFLINE_BUILD;
const names = cacheNames(version);
/** Downloads at a time during a save: enough to keep the line busy, few enough for a slow phone. */
const PARALLEL = 4;

/** Fetches past the browser's HTTP cache's heuristics: pages are revalidated, hashed files reused. */
const fresh = (url: string) => new Request(url, { cache: 'no-cache' });

/** A whole saved guide, of this build or (during an update) the one before. */
async function hasSavedGuide(): Promise<boolean> {
  const saved = (await caches.keys()).filter(isSavedCache);
  return (await Promise.all(saved.map((name) => caches.match(SAVED_MARKER, { cacheName: name })))).some(Boolean);
}

/** Downloads every file of the save into this build's saved cache, the marker last. */
async function saveGuide(progress: (done: number) => void): Promise<void> {
  const cache = await caches.open(names.saved);
  const queue = [...save];
  let done = 0;
  try {
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let file = queue.shift(); file; file = queue.shift()) {
          const response = await fetch(fresh(file.url));
          if (!isCacheable(response)) throw new Error(`${file.url} answered ${response.status}`);
          await cache.put(file.url, response);
          progress((done += file.bytes));
        }
      }),
    );
    await cache.put(SAVED_MARKER, new Response(String(saveBytes)));
  } catch (error) {
    // Half a guide is not a saved guide: nothing is left to look saved.
    await caches.delete(names.saved);
    throw error;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await (await caches.open(names.pages)).addAll(core.map(fresh));
      // A reader who saved the guide keeps it through an update: the new build's copy is saved before the old one goes.
      if (await hasSavedGuide()) await saveGuide(() => {});
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // One build's cache at a time.
      await Promise.all(staleCaches(await caches.keys(), version).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

async function fromCache(key: string): Promise<Response | undefined> {
  return (await caches.match(key, { cacheName: names.pages })) ?? (await caches.match(key, { cacheName: names.saved }));
}

async function answer(request: Request, route: Route): Promise<Response> {
  const key = cacheKey(new URL(request.url));
  if (route === 'asset') {
    const hit = await fromCache(key);
    if (hit) return hit;
  }
  try {
    const response = await fetch(request);
    // Pages are kept as they are read, and what they load; other files only by a save.
    if (route !== 'file' && isCacheable(response)) await (await caches.open(names.pages)).put(key, response.clone());
    return response;
  } catch {
    const fallback = fallbackFor(route, request.mode === 'navigate');
    return (await fromCache(key)) ?? (fallback === 'error' ? undefined : await fromCache(fallback)) ?? Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const route = routeFor(new URL(event.request.url), self.location.origin, event.request.method);
  if (route !== 'none') event.respondWith(answer(event.request, route));
});

/** The button's questions: is a guide saved, save it (with progress), remove it. */
async function reply(request: SaveRequest, send: (message: SaveMessage) => void): Promise<void> {
  if (request.type === 'remove') {
    await Promise.all((await caches.keys()).filter(isSavedCache).map((name) => caches.delete(name)));
    return send({ type: 'removed', saved: false });
  }
  if (request.type === 'state') return send({ type: 'state', saved: await hasSavedGuide() });
  send({ type: 'saving' });
  try {
    await saveGuide((done) => send({ type: 'progress', done, total: saveBytes, text: progressText(done, saveBytes) }));
    send({ type: 'saved', saved: true });
  } catch {
    send({ type: 'failed', saved: false });
  }
}

self.addEventListener('message', (event) => {
  const request = event.data as Partial<SaveRequest> | null;
  if (request?.type === 'state' || request?.type === 'save' || request?.type === 'remove') {
    event.waitUntil(reply({ type: request.type }, (message) => event.source?.postMessage(message)));
  }
});
