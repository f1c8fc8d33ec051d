/**
 * Minifies the text of Lit's css`` templates in the production build. The
 * JS minifier keeps template literals as they are, so every comment and
 * indent of the elements' styles shipped in the entry (about 3 KB of
 * whitespace and 21 comments in `#/`'s entry, 685 B gzip, before this).
 * Conservative on purpose: comments go, whitespace runs become one space
 * (or their line breaks: lines stay where they were, so source maps stay
 * right), and the spaces beside `{ } ; ,` and after `:` go; quoted strings are kept
 * as written, and nothing that could change a selector (a space before `:`
 * or around `>`) is touched. A template with an expression, or a quote that
 * does not close on its line, is left alone rather than parsed.
 */
import type { Plugin } from 'vite';

/** Comments and quoted strings, whichever starts first: a quote inside a comment is the comment's. */
const TOKENS = /\/\*[\s\S]*?\*\/|'[^'\\\n]*'|"[^"\\\n]*"/g;

/** Whitespace as CSS counts it (not U+3000 or a no-break space, which are text to CSS). */
const SPACE = /[ \t\n\r\f]+/g;
/** One space, or the run's line breaks: the template keeps its lines, so the module's source map stays true. */
const shrink = (run: string): string => '\n'.repeat(run.split('\n').length - 1) || ' ';

const squeeze = (css: string): string =>
  css
    .replace(SPACE, shrink)
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');

/** The minified text of one css`` template body, or null when it is not sure of it. */
export function minifyCss(body: string): string | null {
  if (body.includes('${')) return null;
  let out = '';
  let at = 0;
  for (const token of body.matchAll(TOKENS)) {
    out += body.slice(at, token.index);
    // A comment separates what is around it (its line breaks kept); a string stays,
    // marked so squeezing leaves it whole.
    out += token[0].startsWith('/*') ? shrink(` ${token[0].replace(/[^\n]/g, '')}`) : `\u0000${token[0]}\u0000`;
    at = token.index + token[0].length;
  }
  out += body.slice(at);
  const parts = out.split('\u0000');
  // Code at even indexes, strings at odd ones; a stray quote in the code means a string we did not see.
  if (parts.some((part, i) => i % 2 === 0 && /['"]/.test(part))) return null;
  return parts
    .map((part, i) => (i % 2 ? part : squeeze(part)))
    .join('')
    .replace(/^ | $/g, '');
}

const CSS_TEMPLATE = /\bcss`([^`]*)`/g;

/** Rewrites every css`` template of `code` it is sure of; the others stay as written. */
export function minifyCssTemplates(code: string): string {
  return code.replace(CSS_TEMPLATE, (template, body: string) => {
    const minified = minifyCss(body);
    return minified === null ? template : `css\`${minified}\``;
  });
}

export function cssLiterals(): Plugin {
  return {
    name: 'my-page-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      // Lines are kept (only spaces within them go), so the module's map is still right line by line.
      return { code: minifyCssTemplates(code), map: null };
    },
  };
}
