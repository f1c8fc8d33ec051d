/**
 * The legacy build: the same app for engines without ES modules (Chromium
 * 53-60: 2018 TVs, Tizen 4 = 56, webOS 4 = 53), as ONE classic script loaded
 * with `nomodule`, so ES-module engines never download it.
 *
 * A Vite build plugin: after the modern bundle, esbuild bundles the entry
 * again as an IIFE for chrome53 (see below), then the bundle and the custom-elements
 * polyfill are emitted into the build output and the bundle's tag is written
 * into index.html right after the `nomodule` legacy-polyfills tag.
 *
 * - Syntax: async/await, object rest/spread, optional chaining, class fields
 *   and private members are lowered; classes stay native (custom elements
 *   must be real classes, and Chromium 53 has them). Dynamic import() is
 *   inlined (no code splitting): one file, no module loader.
 * - Two esbuild passes: bundle and tree-shake first, lower second. Regular
 *   expressions newer than the target become `RegExp(...)` calls when
 *   lowered, which nothing can drop any more: lowering first kept valibot's
 *   unused emoji pattern, which throws at start-up below Chromium 64. The
 *   ones still there are checked by test/tv-engine/legacy-syntax.test.mjs.
 * - `import.meta.env` is the env Vite resolved for this build, so both
 *   bundles see the same VITE_* values.
 * - Sets `window.__MY_PAGE_BUILD__ = 'legacy'` (tests tell the bundles apart).
 * - Chromium 61-63 (module scripts, but no import.meta) get it too: the built
 *   page loads the modern entry only through a check (loadEntryThroughCheck).
 * - Runtime APIs missing below Chromium 61 come from
 *   public/polyfills/legacy-polyfills.js, which also writes the
 *   custom-elements polyfill tag where `customElements` is missing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

export interface LegacyBundleOptions {
  /** The app's entry, relative to the project root (the module script of index.html). */
  entry: string;
  /** esbuild target; Chromium 53 = webOS 4, the oldest engine served. */
  target?: string;
}

/** The tag index.html must carry; the bundle's tag is written right after it. */
const POLYFILLS_TAG = /<script nomodule src="([^"]*)polyfills\/legacy-polyfills\.js"><\/script>/;
const ENTRY_TAG = /<script type="module" crossorigin src="([^"]+)"><\/script>/g;
const CUSTOM_ELEMENTS_POLYFILL = '@webcomponents/custom-elements/custom-elements.min.js';

export function legacyBundle({ entry, target = 'chrome53' }: LegacyBundleOptions): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'my-page-legacy-bundle',
    apply: 'build',
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const html = Object.values(bundle).filter((file) => file.type === 'asset' && file.fileName.endsWith('.html'));
        if (html.length === 0) return; // not an app build (no index.html): nothing to add
        const { build } = await import('esbuild');
        const outDir = resolve(config.root, config.build.outDir);
        const sourcemap = config.build.sourcemap;
        const define: Record<string, string> = {
          'import.meta.env': JSON.stringify(config.env),
          'process.env.NODE_ENV': JSON.stringify(config.isProduction ? 'production' : 'development'),
        };
        // Each key too: a check like `import.meta.env.MODE !== 'production'`
        // must fold to a constant, so dev-only code (src/qa) is dropped here as well.
        for (const [key, value] of Object.entries(config.env)) define[`import.meta.env.${key}`] = JSON.stringify(value);
        for (const [key, value] of Object.entries(config.define ?? {})) {
          define[key] = typeof value === 'string' ? value : JSON.stringify(value);
        }
        const fail = (step: string) => (error: { errors?: { text: string }[] }) =>
          this.error(`legacy bundle (${step}): ${error.errors?.map((e) => e.text).join('\n') ?? String(error)}`);

        // Pass 1: bundle and tree-shake at the source's own syntax level, one
        // module with dynamic imports inlined. (Lowering first would turn
        // unused modern regex literals into RegExp calls that can no longer be
        // dropped, and that throw at start-up on old engines.)
        const bundled = await build({
          absWorkingDir: config.root,
          entryPoints: [entry],
          // Not written; at the root, so pass 2 resolves the inline map's sources from there.
          outfile: join(config.root, 'legacy.js'),
          bundle: true,
          splitting: false,
          format: 'esm',
          platform: 'browser',
          target: 'esnext',
          tsconfig: join(config.root, 'tsconfig.json'),
          define,
          // Inlines constants across modules (QA_ENABLED), so their dead branches go.
          minifySyntax: true,
          charset: 'utf8',
          sourcemap: sourcemap ? 'inline' : false,
          write: false,
          logLevel: 'silent',
        }).catch(fail('bundle'));
        for (const file of bundled.outputFiles) {
          if (!file.path.endsWith('.js')) {
            this.error(
              `legacy bundle produced ${relative(outDir, file.path)}: only one script is allowed (CSS or assets imported from code?)`,
            );
          }
        }

        // Pass 2: lower to the target, as one classic script; classes stay native.
        const lowered = await build({
          absWorkingDir: config.root,
          stdin: {
            contents: bundled.outputFiles[0]!.text,
            sourcefile: 'legacy.js',
            resolveDir: config.root,
            loader: 'js',
          },
          outfile: join(outDir, config.build.assetsDir, 'legacy.js'),
          bundle: false,
          format: 'iife',
          platform: 'browser',
          target: [target],
          supported: { class: true },
          minify: config.build.minify !== false,
          charset: 'utf8',
          legalComments: 'none',
          sourcemap: sourcemap === 'inline' ? 'inline' : sourcemap ? 'external' : false,
          banner: { js: 'window.__MY_PAGE_BUILD__="legacy";' },
          write: false,
          logLevel: 'silent',
        }).catch(fail('lower'));
        for (const warning of [...bundled.warnings, ...lowered.warnings])
          config.logger.warn(`legacy bundle: ${warning.text}`);

        const code = lowered.outputFiles.find((file) => file.path.endsWith('.js'))!.text;
        const map = lowered.outputFiles.find((file) => file.path.endsWith('.js.map'));
        const hash = createHash('sha256').update(code).digest('base64url').replace(/[-_]/g, '').slice(0, 8);
        const script = `${config.build.assetsDir}/legacy-${hash}.js`.replace(/^\/+/, '');
        const linked = map && sourcemap !== 'hidden' ? `//# sourceMappingURL=legacy-${hash}.js.map\n` : '';
        this.emitFile({ type: 'asset', fileName: script, source: code + linked });
        if (map) {
          const json = JSON.parse(map.text) as { file?: string };
          json.file = `legacy-${hash}.js`;
          this.emitFile({ type: 'asset', fileName: `${script}.map`, source: JSON.stringify(json) });
        }
        config.logger.info(
          `legacy bundle ${script}: ${(Buffer.byteLength(code) / 1000).toFixed(2)} kB │ gzip: ${(gzipSync(code, { level: 9 }).length / 1000).toFixed(2)} kB (target ${target})`,
        );

        // The custom-elements polyfill, next to legacy-polyfills.js (which loads it only where needed).
        const require = createRequire(join(config.root, 'package.json'));
        const polyfill = readFileSync(require.resolve(CUSTOM_ELEMENTS_POLYFILL), 'utf8');
        this.emitFile({
          type: 'asset',
          fileName: 'polyfills/custom-elements.min.js',
          source: polyfill.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'), // its map is not shipped
        });

        // The chunk that sends the start-up session read (vite.config.ts, group `session-early`).
        const earlyChunk = Object.values(bundle).find((file) => file.type === 'chunk' && file.name === 'session-early');
        for (const page of html) {
          if (page.type !== 'asset') continue;
          const source = typeof page.source === 'string' ? page.source : new TextDecoder().decode(page.source);
          const match = POLYFILLS_TAG.exec(source);
          if (!match) {
            this.error(
              `${page.fileName} must load /polyfills/legacy-polyfills.js with <script nomodule src=…> (the legacy bundle's tag goes after it)`,
            );
          }
          const tag = `<script nomodule src="${match[1]}${script}"></script>`;
          page.source = loadEntryThroughCheck(
            source.replace(match[0], `${match[0]}\n    ${tag}`),
            match[1]!,
            (message) => this.error(`${page.fileName}: ${message}`),
            earlyChunk && `${match[1]}${earlyChunk.fileName}`,
          );
        }
      },
    },
  };
}

/**
 * Chromium 61-63 run module scripts (and skip `nomodule`) but cannot parse
 * the modern entry (import.meta, and import() before 63). So the page names
 * no app module itself: modern-check.js (parses only where import.meta and
 * import() do) sets a flag, and module-loader.js (parses from Chromium 61 on)
 * then adds either the modern entry or the nomodule scripts as classic ones.
 * Module scripts run in document order, so the flag is set (or not) when the
 * loader runs. The nomodule scripts are re-added with `async = false` to keep
 * their order; legacy-polyfills.js's document.write branch (custom elements)
 * never runs there, since Chromium 61+ have customElements. The parse error
 * the check raises in 61-63 is the check, so tv-polyfills.js cancels it.
 * Both are files in public/polyfills, since the CSP forbids inline scripts.
 * The modulepreload link lets Chromium 66+ fetch the entry while the HTML is
 * still parsed; older engines ignore it, so 61-63 never fetch the entry, and
 * 64-65 fetch it one step later (after the two small files).
 *
 * `early` is the small chunk that sends the start-up session read
 * (src/early-session.ts): the loader adds it as a module script of its own
 * before the entry, so the read goes out once that 1 KB has arrived rather
 * than after the whole entry is fetched, parsed and run. The entry imports
 * the same chunk, so it runs once either way (and Vite's own modulepreload
 * for the entry's imports already fetches it early).
 */
function loadEntryThroughCheck(html: string, base: string, fail: (message: string) => never, early?: string): string {
  const entries = [...html.matchAll(ENTRY_TAG)];
  if (entries.length !== 1) fail(`expected one module entry script, found ${entries.length}`);
  const [tag, src] = entries[0]!;
  const earlyAttribute = early ? ` data-early-entry="${early}"` : '';
  return html.replace(
    tag,
    [
      `<link rel="modulepreload" href="${src}">`,
      `<script type="module" src="${base}polyfills/modern-check.js"></script>`,
      `<script type="module" src="${base}polyfills/module-loader.js" data-modern-entry="${src}"${earlyAttribute}></script>`,
    ].join('\n    '),
  );
}
