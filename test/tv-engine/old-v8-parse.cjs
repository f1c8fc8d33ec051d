// Run by an OLD node binary (test/tv-engine/old-v8.test.mjs): parses each file
// given, as a module or a classic script, with the V8 inside that binary, and
// prints one JSON line. ES5 and CommonJS, since node 7.4 (V8 5.4) runs it too.
var vm = require('vm');
var fs = require('fs');
var kind = process.argv[2];
var ModuleClass = vm.SourceTextModule || vm.Module;
var results = process.argv.slice(3).map(function (file) {
  var code = fs.readFileSync(file, 'utf8');
  try {
    // Constructing parses; nothing is linked or run.
    if (kind === 'module') new ModuleClass(code, { url: 'file://' + file });
    else new vm.Script(code, { filename: file });
    return { file: file, ok: true };
  } catch (error) {
    return { file: file, ok: false, error: String(error) };
  }
});
process.stdout.write(JSON.stringify(results) + '\n');
