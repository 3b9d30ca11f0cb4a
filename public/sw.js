/*
 * Guanmo attendee service worker (scope /p/): the pass and the observation scorecard open without
 * a network after one visit. Hand-written and small on purpose (no Workbox): the page shell
 * (attendee.html) is fetched network-first and kept; hashed assets are
 * kept cache-first; photos seen through the pass are kept for offline viewing. Data (scorecard,
 * drafts, photo blobs) lives in IndexedDB, not here; API calls other than photos pass through.
 */
const SHELL_CACHE = 'guanmo-shell-v1';
const ASSET_CACHE = 'guanmo-assets-v1';
const PHOTO_CACHE = 'guanmo-photos-v1';
const CACHES = [SHELL_CACHE, ASSET_CACHE, PHOTO_CACHE];
const SHELL = '/attendee.html';
/** On a poor connection the cached shell is served after this long; the network copy still refreshes it. */
const NETWORK_TIMEOUT_MS = 3500;
const MAX_PHOTOS = 300;

const assetsOf = (html) => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);

async function cacheShell(response) {
  const html = await response.clone().text();
  const shell = await caches.open(SHELL_CACHE);
  await shell.put(SHELL, response);
  const assets = await caches.open(ASSET_CACHE);
  await Promise.all(
    assetsOf(html).map(async (url) => {
      if (!(await assets.match(url))) await assets.add(url).catch(() => undefined);
    }),
  );
}

/** The shell is cached at install; when that fetch failed (a dropped connection), try again. */
async function ensureShell() {
  if (await caches.match(SHELL, { cacheName: SHELL_CACHE })) return;
  const response = await fetch(SHELL, { cache: 'no-cache' }).catch(() => null);
  if (response?.ok) await cacheShell(response);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch(SHELL, { cache: 'no-cache' })
      .then((response) => (response.ok ? cacheShell(response) : undefined))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('guanmo-') && !CACHES.includes(k)).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** The page tells which assets it loaded (lazy chunks included): keep them for the next offline start. */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'cache-assets' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === 'string' && u.startsWith('/assets/'));
  event.waitUntil(
    ensureShell()
      .then(() => caches.open(ASSET_CACHE))
      .then((cache) =>
        Promise.all(
          urls.map(async (url) => {
            if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
          }),
        ),
      ),
  );
});

async function shellFirstFromNetwork(request) {
  const network = fetch(request).then(async (response) => {
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html'))
      await cacheShell(response.clone());
    return response;
  });
  network.catch(() => undefined);
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, null));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch {
    // offline: fall through to the cached shell
  }
  const cached = await caches.match(SHELL, { cacheName: SHELL_CACHE });
  if (cached) return cached;
  return network;
}

async function cacheFirst(request, cacheName, limit) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    if (limit) {
      const keys = await cache.keys();
      for (const key of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(key);
    }
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/p/')) {
    event.respondWith(shellFirstFromNetwork(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request, ASSET_CACHE));
  } else if (/^\/api\/v1\/passes\/[^/]+\/photos\//.test(url.pathname)) {
    event.respondWith(cacheFirst(request, PHOTO_CACHE, MAX_PHOTOS));
  }
});
