// A classic script the test runner page loads before anything else
// (web-test-runner.config.mjs `testRunnerHtml`): every test page is served with
// the production CSP, and any `securitypolicyviolation` fails the running test
// by an uncaught error, which mocha reports against that test. Tests that
// provoke a violation on purpose wrap it in `window.__cspWatch.expect()`.
(function () {
  var seen = [];
  var expecting = 0;
  document.addEventListener('securitypolicyviolation', function (event) {
    var text =
      event.effectiveDirective +
      ' blocked ' +
      (event.blockedURI || 'inline') +
      (event.sourceFile ? ' at ' + event.sourceFile + ':' + event.lineNumber : '');
    seen.push(text);
    if (expecting > 0) return;
    setTimeout(function () {
      throw new Error('Content-Security-Policy violation: ' + text);
    });
  });
  window.__cspWatch = {
    /**
     * Runs `action` (maybe async) with violations allowed and resolves, once
     * `count` of them have been reported (the event comes as a later task), to
     * the texts of those it caused.
     */
    expect: function (action, count) {
      var from = seen.length;
      var wanted = from + (count || 1);
      expecting++;
      function reported() {
        return new Promise(function poll(resolve) {
          if (seen.length >= wanted) resolve(seen.slice(from));
          else
            setTimeout(function () {
              poll(resolve);
            }, 10);
        });
      }
      return Promise.resolve()
        .then(action)
        .then(reported)
        .then(
          function (texts) {
            expecting--;
            return texts;
          },
          function (error) {
            expecting--;
            throw error;
          },
        );
    },
    all: function () {
      return seen.slice();
    },
  };
})();
