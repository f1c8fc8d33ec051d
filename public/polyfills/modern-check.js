// A module that only an engine able to run the modern bundle can parse:
// import.meta is Chromium 64, import() 63. Chromium 61-63 run module scripts
// but reject this file at parse time, so the flag stays unset there and
// module-loader.js falls back to the legacy bundle. The bare specifier never
// resolves: import() is here for its syntax, and no request is made.
import.meta.url;
import('_').catch(function () {});
window.__MY_PAGE_MODERN__ = true;
