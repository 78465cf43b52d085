/* The portal's service worker: each public page seen is kept, so that it opens again without a network; with no
   network and no copy of the page asked for, the last page seen opens. Staff and enterprise pages are never kept. */
const STORE = "zhichan-portal-v1";
const LAST = "/portal/__last__";
const PRIVATE = ["/portal/requests/", "/portal/catalogue/", "/portal/enterprise/", "/portal/registrations/", "/portal/notices/"];

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== STORE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

function kept(url) {
  return url.origin === self.location.origin && url.pathname.startsWith("/portal/")
    && !PRIVATE.some((prefix) => url.pathname.startsWith(prefix));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || request.mode !== "navigate" || !kept(url)) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          const last = response.clone();
          caches.open(STORE).then((store) => {
            store.put(request, copy);
            store.put(LAST, last);
          });
        }
        return response;
      })
      .catch(() => caches.open(STORE).then((store) => store.match(request).then((hit) => hit || store.match(LAST))))
      .then((response) => response || new Response("offline", { status: 503, headers: { "Content-Type": "text/plain" } })),
  );
});
