/**
 * The production build minifies every element's css`` text
 * (scripts/build/css-literals.ts). Here each element's styles, as the
 * source writes them and as minified, are parsed by the engine running the
 * test: the rules must come out the same, so a minification that changed a
 * selector, a value or a media query fails in every engine of the suite.
 */
import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { minifyCss } from '../../scripts/build/css-literals.js';

interface Manifest {
  modules: Array<{ path: string; declarations?: Array<{ tagName?: string }> }>;
}

/**
 * Every rule's text as the engine serializes it (nested rules of @media
 * included). Custom properties and var() fallbacks keep their tokens as
 * written, so the spaces beside their commas are evened out on both sides.
 */
function rulesOf(css: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/\s*,\s*/g, ', '));
}

describe('minified css templates', () => {
  it('parse to the same rules as the source, for every element of the manifest', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
    const tags: string[] = [];
    for (const module of manifest.modules) {
      const declared = (module.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));
      if (!declared.length) continue;
      await import(/* @vite-ignore */ `/${module.path}`);
      tags.push(...declared);
    }
    const texts = new Set<string>();
    for (const tag of tags) {
      const element = customElements.get(tag) as unknown as { elementStyles?: Array<CSSResult | CSSStyleSheet> };
      for (const style of element?.elementStyles ?? []) {
        if ('cssText' in style && typeof style.cssText === 'string') texts.add(style.cssText);
      }
    }
    let minified = 0;
    for (const text of texts) {
      const small = minifyCss(text);
      if (small === null) continue;
      minified++;
      expect(rulesOf(small), small.slice(0, 200)).to.deep.equal(rulesOf(text));
      expect(small.length).to.be.below(text.length);
    }
    // Most templates, not a handful: a minifier that gave up everywhere would pass the loop above.
    expect(tags.length).to.be.above(20);
    expect(minified).to.be.at.least(texts.size - 2);
  });
});
