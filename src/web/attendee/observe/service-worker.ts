/**
 * Registers the attendee service worker (public/sw.js, scope /p/) so the pass and scorecard pages
 * open without a network after one visit, and hands it the assets this page loaded (the lazily
 * loaded chunks too), which it keeps for the next offline start.
 */
export function registerAttendeeServiceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker
    .register('/sw.js', { scope: '/p/' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const urls = performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name))
        .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
        .map((u) => u.pathname);
      registration.active?.postMessage({ type: 'cache-assets', urls });
    })
    .catch(() => undefined);
}
