// Parses only where the modern bundle does (import.meta: Chromium 64, import(): 63);
// module-loader.js reads the flag. The bare specifier never resolves: no request.
import.meta.url;
import('_').catch(function () {});
window.__MY_PAGE_MODERN__ = true;
