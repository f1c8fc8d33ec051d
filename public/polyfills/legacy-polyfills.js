/*
 * Classic script for engines WITHOUT ES modules only (Chromium 53-60: 2018
 * TVs, Tizen 4 = 56, webOS 4 = 53). index.html loads it with `nomodule`, so
 * an ES-module engine never downloads it; it runs after tv-polyfills.js and
 * right before the legacy bundle (scripts/legacy/legacy-build.ts).
 *
 * Each polyfill installs only where the engine lacks the feature; only what
 * the legacy bundle calls (test/tv-engine/legacy-syntax.test.mjs checks the
 * bundle against this list). Native methods are captured here, before the
 * custom-elements polyfill patches them, so its connected/disconnected
 * bookkeeping runs once per insertion.
 */
(function () {
  'use strict';
  var define = function (target, name, value) {
    if (target && !(name in target)) {
      Object.defineProperty(target, name, { value: value, writable: true, configurable: true });
    }
  };

  // ky (headers, search params, retry options); Chromium 54.
  define(Object, 'entries', function (object) {
    return Object.keys(object).map(function (key) {
      return [key, object[key]];
    });
  });
  // The bundle's object-spread helper reads it at start-up; Chromium 54.
  define(Object, 'getOwnPropertyDescriptors', function (object) {
    var out = {};
    Reflect.ownKeys(object).forEach(function (key) {
      out[key] = Object.getOwnPropertyDescriptor(object, key);
    });
    return out;
  });
  // Request ids (hex bytes), card expiry; Chromium 57.
  define(String.prototype, 'padStart', function (length, fill) {
    var text = String(this);
    var pad = fill === undefined ? ' ' : String(fill);
    var missing = (length >> 0) - text.length;
    if (missing <= 0 || pad === '') return text;
    while (pad.length < missing) pad += pad;
    return pad.slice(0, missing) + text;
  });
  // ky (response bodies); Chromium 63.
  define(Promise.prototype, 'finally', function (onFinally) {
    if (typeof onFinally !== 'function') return this.then(onFinally, onFinally);
    var C = this.constructor && typeof this.constructor === 'function' ? this.constructor : Promise;
    return this.then(
      function (value) {
        return C.resolve(onFinally()).then(function () {
          return value;
        });
      },
      function (reason) {
        return C.resolve(onFinally()).then(function () {
          throw reason;
        });
      }
    );
  });

  // DOM, Chromium 54: the shadow-including root (focus engine), isConnected (Lit, focus engine).
  var getRootNode = function (options) {
    var node = this;
    for (;;) {
      while (node.parentNode) node = node.parentNode;
      if (options && options.composed && node.nodeType === 11 && node.host) node = node.host;
      else return node;
    }
  };
  define(Node.prototype, 'getRootNode', getRootNode);
  if (!('isConnected' in Node.prototype)) {
    Object.defineProperty(Node.prototype, 'isConnected', {
      configurable: true,
      get: function () {
        return getRootNode.call(this, { composed: true }).nodeType === 9;
      },
    });
  }
  // Lit: text bindings inside <style>/<textarea> (append), svg`` templates (replaceWith); Chromium 54.
  var insertBefore = Node.prototype.insertBefore;
  var toFragment = function (nodes) {
    var fragment = document.createDocumentFragment();
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      insertBefore.call(fragment, node instanceof Node ? node : document.createTextNode(String(node)), null);
    }
    return fragment;
  };
  var append = function () {
    insertBefore.call(this, toFragment(arguments), null);
  };
  define(Element.prototype, 'append', append);
  define(Document.prototype, 'append', append);
  define(DocumentFragment.prototype, 'append', append);
  define(Element.prototype, 'replaceWith', function () {
    var parent = this.parentNode;
    if (!parent) return;
    var nodes = Array.prototype.slice.call(arguments);
    var next = this.nextSibling;
    // The element may be among the replacements (spec: insert before the first sibling after it not among them).
    while (next && nodes.indexOf(next) >= 0) next = next.nextSibling;
    var fragment = toFragment(nodes);
    if (this.parentNode === parent) parent.removeChild(this);
    insertBefore.call(parent, fragment, next);
  });
  // Lit reads every attribute of a template element this way; Chromium 61.
  define(Element.prototype, 'getAttributeNames', function () {
    var names = [];
    for (var i = 0; i < this.attributes.length; i++) names.push(this.attributes[i].name);
    return names;
  });

  // Custom elements v1 (Chromium 54; webOS 4 = Chromium 53 has shadow DOM v1 but not this):
  // the polyfill is written into the document right after this script, so it
  // runs before the legacy bundle defines any element. Native classes (kept by
  // the legacy build) extend its HTMLElement directly.
  var registry = window.customElements;
  if (!registry || typeof registry.define !== 'function' || typeof registry.get !== 'function') {
    var current = document.currentScript;
    var dir = current && current.src ? current.src.replace(/[^/]*$/, '') : '/polyfills/';
    document.write('<script src="' + dir + 'custom-elements.min.js"><\/script>');
  }
})();
