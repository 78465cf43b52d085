/* Registers the portal's service worker, so the site installs to a phone's home screen and opens offline. */
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/portal/sw.js", { scope: "/portal/" }).catch(() => {});
}
