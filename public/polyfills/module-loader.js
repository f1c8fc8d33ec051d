// Runs after modern-check.js; parses from Chromium 61 on (no import.meta or
// import()). Why and how: loadEntryThroughCheck in scripts/legacy/legacy-build.ts.
(function () {
  // Under the CSP's `require-trusted-types-for 'script'` (Chromium 83+) a
  // script URL must come from a named policy; this one passes only paths on
  // the page's own origin, as the built index.html names them.
  var policy = window.trustedTypes && window.trustedTypes.createPolicy
    ? window.trustedTypes.createPolicy('my-page-loader', {
        createScriptURL: function (url) {
          if (!/^\/(?!\/)/.test(url)) throw new TypeError('not a same-origin script path: ' + url);
          return url;
        },
      })
    : null;
  function scriptUrl(url) {
    return policy ? policy.createScriptURL(url) : url;
  }
  function addModule(url) {
    var script = document.createElement('script');
    script.type = 'module';
    script.src = scriptUrl(url);
    document.body.appendChild(script);
  }
  if (window.__MY_PAGE_MODERN__) {
    var tag = document.querySelector('script[data-modern-entry]');
    // The session read's own small chunk first: it runs as soon as it
    // arrives, while the entry is still on its way (the entry imports it too).
    var early = tag.getAttribute('data-early-entry');
    if (early) addModule(early);
    addModule(tag.getAttribute('data-modern-entry'));
    return;
  }
  // Chromium 61-63: the nomodule scripts they skipped, as classic ones, in order.
  var legacy = document.querySelectorAll('script[nomodule]');
  for (var i = 0; i < legacy.length; i++) {
    var script = document.createElement('script');
    script.async = false;
    script.src = scriptUrl(legacy[i].getAttribute('src'));
    document.body.appendChild(script);
  }
})();
