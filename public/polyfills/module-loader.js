/*
 * The second module script of the built index.html, after modern-check.js
 * (module scripts run in document order). ES2015 only, no import.meta and no
 * import(), so Chromium 61-63 parse it too. It decides which bundle runs
 * before any of the app is fetched (Chromium 66+ may have preloaded the
 * modern entry through <link rel=modulepreload>; older ones ignore the link):
 * - modern-check.js ran (Chromium 64+): the modern entry named by data-entry,
 *   as a module script;
 * - it did not parse (Chromium 61-63): the `nomodule` scripts of the page
 *   (legacy polyfills, then the legacy bundle) as classic scripts, in order.
 * Engines without modules never run this file and take the nomodule tags.
 * An external file because the CSP allows no inline script.
 */
(function () {
  var self = document.querySelector('script[data-modern-entry]');
  if (window.__MY_PAGE_MODERN__) {
    var entry = document.createElement('script');
    entry.type = 'module';
    entry.src = self.getAttribute('data-modern-entry');
    document.body.appendChild(entry);
    return;
  }
  var legacy = document.querySelectorAll('script[nomodule]');
  for (var i = 0; i < legacy.length; i++) {
    var script = document.createElement('script');
    // Inserted scripts are async by default; these must run in order.
    script.async = false;
    script.src = legacy[i].getAttribute('src');
    document.body.appendChild(script);
  }
})();
