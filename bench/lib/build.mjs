/**
 * Bundles the benchmark pages with esbuild (in memory: the server hands the
 * bytes out, nothing to clean up) and measures every engine's min+gzip size
 * the same way.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const projectRoot = join(here, '..', '..');
const pagesDir = join(here, '..', 'pages');
const require = createRequire(join(projectRoot, 'package.json'));

/** Page entry (bench/pages/<name>.js) per engine; `none` is the no-engine control page. */
export const PAGE_ENTRIES = ['ours', 'js-spatial-navigation', 'spatial-navigation-polyfill', 'lrud', 'none', 'floor'];

/**
 * One IIFE bundle per page, not minified (readable CPU profiles; V8 runs
 * minified and unminified code at the same speed). Returns name -> JS text.
 */
export async function buildPages() {
  const result = await build({
    entryPoints: Object.fromEntries(PAGE_ENTRIES.map((name) => [name, join(pagesDir, `${name}.js`)])),
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    outdir: '/bench-pages',
    write: false,
    logLevel: 'warning',
    absWorkingDir: projectRoot,
  });
  return new Map(result.outputFiles.map((file) => [basename(file.path, '.js'), file.text]));
}

const gzip = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

/**
 * min+gzip bytes: our engine bundled from its entry (its own imports, nothing
 * else: it has no runtime dependency), ESM, minified; each peer's package
 * `main` file minified by the same esbuild. gzip level 9.
 */
export async function measureSizes(peers) {
  const ours = await build({
    entryPoints: [join(projectRoot, 'src/navigation/focus-engine.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: projectRoot,
  });
  const oursText = ours.outputFiles[0].text;
  const inputs = Object.keys(ours.metafile.inputs).map((path) => path.replace(/^src\/navigation\//, ''));
  const sizes = {
    ours: {
      file: `src/navigation/{${inputs.join(', ')}}`,
      minBytes: Buffer.byteLength(oursText),
      gzipBytes: gzip(oursText),
    },
  };
  for (const [id, pkg] of Object.entries(peers)) {
    const mainPath = require.resolve(pkg);
    const source = readFileSync(mainPath, 'utf8');
    const { code } = await transform(source, { minify: true, loader: 'js' });
    const version = JSON.parse(readFileSync(join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    sizes[id] = {
      file: `${pkg}@${version}/${mainPath.slice(mainPath.indexOf(pkg) + pkg.length + 1)}`,
      rawBytes: Buffer.byteLength(source),
      minBytes: Buffer.byteLength(code),
      gzipBytes: gzip(code),
    };
  }
  return sizes;
}
