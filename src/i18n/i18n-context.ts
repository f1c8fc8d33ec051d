/** The language in use, provided by <my-page-app> and read through I18nController. */
import { createContext } from '@lit/context';
import type { I18n } from './i18n.js';

export const i18nContext = createContext<I18n>(Symbol('my-page-i18n'));
