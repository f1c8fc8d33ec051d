/*
 * Classic script, run before the module bundle. Each polyfill installs only
 * where the engine lacks the feature; a modern browser runs the checks and
 * nothing else. Measured needs of Chromium 64 (2019 TVs): see README.
 */
(function () {
  'use strict';
  var define = function (target, name, value) {
    if (!(name in target)) {
      Object.defineProperty(target, name, { value: value, writable: true, configurable: true });
    }
  };

  if (typeof globalThis === 'undefined') {
    // Lit reads globalThis at module load.
    define(window, 'globalThis', window);
  }
  define(Object, 'hasOwn', function (object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  });
  define(Object, 'fromEntries', function (entries) {
    var out = {};
    Array.from(entries, function (pair) {
      out[pair[0]] = pair[1];
    });
    return out;
  });
  define(String.prototype, 'replaceAll', function (search, replacement) {
    if (search instanceof RegExp) return this.replace(search, replacement);
    return this.split(search).join(replacement);
  });
  // Lit's boolean attribute bindings (?disabled) call it; Chromium 69+.
  define(Element.prototype, 'toggleAttribute', function (name, force) {
    var on = force === undefined ? !this.hasAttribute(name) : !!force;
    if (on) this.setAttribute(name, '');
    else this.removeAttribute(name);
    return on;
  });
  define(Array.prototype, 'at', function (index) {
    var i = Math.trunc(index) || 0;
    if (i < 0) i += this.length;
    return i < 0 || i >= this.length ? undefined : this[i];
  });
  define(Array.prototype, 'flat', function (depth) {
    var d = depth === undefined ? 1 : Math.trunc(depth);
    return d < 1
      ? Array.prototype.slice.call(this)
      : Array.prototype.reduce.call(this, function (acc, item) {
          return acc.concat(Array.isArray(item) ? item.flat(d - 1) : item);
        }, []);
  });

  // Chromium 61-63 reject modern-check.js at parse time: that failure is the
  // check (module-loader.js then takes the legacy bundle), not an app error.
  window.addEventListener('error', function (event) {
    if (/\/polyfills\/modern-check\.js$/.test(event.filename || '')) event.preventDefault();
  });
})();
