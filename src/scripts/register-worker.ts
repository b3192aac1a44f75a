// Registers the offline worker that `npm run build` writes (dist/sw.js). The
// dev server has none: there, a worker left by an earlier preview is removed.
if ('serviceWorker' in navigator) {
  if (import.meta.env.DEV)
    void navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => r.unregister()));
  else navigator.serviceWorker.register('/sw.js').catch(() => {});
}
