/** Gives an element the current language and re-renders it when it changes. */
import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { i18nContext } from './i18n-context.js';
import { shellI18n, type I18n } from './i18n.js';

const fallback = shellI18n();

export class I18nController {
  private readonly _consumer: ContextConsumer<typeof i18nContext, ReactiveControllerHost & HTMLElement>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this._consumer = new ContextConsumer(host, { context: i18nContext, subscribe: true });
  }

  /** Japanese until a provider answers (an element used on its own, in a test). */
  get value(): I18n {
    return this._consumer.value ?? fallback;
  }
}
