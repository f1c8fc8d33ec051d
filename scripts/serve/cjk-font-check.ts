/**
 * `npm start` warns when the machine has no Japanese font: the page is
 * Japanese first, and without one Chromium draws every kana and kanji as a
 * box (screenshots and a desktop check then look broken for no fault of the
 * page). TVs bring their own fonts; this is about the development machine.
 */
import { execFileSync } from 'node:child_process';
import type { Plugin } from 'vite';

export const CJK_FONT_HINT =
  'No Japanese (CJK) font found (fc-list :lang=ja is empty): the page will show boxes for Japanese text. ' +
  'Install one, e.g. `sudo apt-get install fonts-noto-cjk` (Debian/Ubuntu), then restart `npm start`.';

/** The families fontconfig knows for Japanese, or null when fontconfig itself is missing (not Linux, say). */
export function japaneseFonts(
  run: () => string = () => execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' }),
): string[] | null {
  let output: string;
  try {
    output = run();
  } catch {
    return null;
  }
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The warning to print, if any: only where fontconfig answers and knows no Japanese font. */
export function cjkFontWarning(fonts: string[] | null): string | null {
  return fonts !== null && fonts.length === 0 ? CJK_FONT_HINT : null;
}

export function cjkFontCheck(fonts: () => string[] | null = japaneseFonts): Plugin {
  return {
    name: 'my-page-cjk-font-check',
    apply: 'serve',
    configureServer(server) {
      const warning = cjkFontWarning(fonts());
      if (warning) server.config.logger.warn(warning);
    },
  };
}
