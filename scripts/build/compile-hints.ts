/**
 * Marks the chunks that run at start (the entry, the session read's chunk)
 * with V8's explicit compile hint (v8.dev/blog/explicit-compile-hints):
 * Chromium 136+ then compiles all their functions on the thread that
 * streams the file, instead of one by one on the main thread as each is
 * first called. Older engines read a comment. A lazy screen's chunk is left
 * alone: it is compiled when the screen opens.
 *
 * The hint counts only as the file's first line: below Vite's preload map
 * (`const __vite__mapDeps=...`, which Vite writes after every plugin's
 * banner) the bench's cold load stayed at 307 ms; as the first line it came
 * to 272 (issue 10). So it is written into the files once they are on disk,
 * and each source map gets one empty line in front to match.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The chunks that run at start. */
export function runsAtStart(chunk: { isEntry: boolean; name: string }): boolean {
  return chunk.isEntry || chunk.name === 'session-early';
}

export function compileHints(): Plugin {
  return {
    name: 'my-page-compile-hints',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) return;
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !runsAtStart(file)) continue;
        const path = join(dir, file.fileName);
        writeFileSync(path, `${COMPILE_HINT}\n${readFileSync(path, 'utf8')}`);
        if (existsSync(`${path}.map`)) {
          const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { mappings: string };
          map.mappings = `;${map.mappings}`;
          writeFileSync(`${path}.map`, JSON.stringify(map));
        }
      }
    },
  };
}
