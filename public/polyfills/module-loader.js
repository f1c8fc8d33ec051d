// Runs after modern-check.js; parses from Chromium 61 on (no import.meta or
// import()). Why and how: loadEntryThroughCheck in scripts/legacy/legacy-build.ts.
(function () {
  if (window.__MY_PAGE_MODERN__) {
    var entry = document.createElement('script');
    entry.type = 'module';
    entry.src = document.querySelector('script[data-modern-entry]').getAttribute('data-modern-entry');
    document.body.appendChild(entry);
    return;
  }
  // Chromium 61-63: the nomodule scripts they skipped, as classic ones, in order.
  var legacy = document.querySelectorAll('script[nomodule]');
  for (var i = 0; i < legacy.length; i++) {
    var script = document.createElement('script');
    script.async = false;
    script.src = legacy[i].getAttribute('src');
    document.body.appendChild(script);
  }
})();
