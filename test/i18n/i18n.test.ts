/** src/i18n: Asia/Tokyo dates, JPY, the language choice and its fallbacks, error wording. */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { InvalidResponseError, NetworkError, ProblemError, TimeoutError } from '../../src/api/errors.js';
import { errorMessage } from '../../src/i18n/error-message.js';
import {
  createI18n,
  DATE_TIME_OPTIONS,
  dayBefore,
  initialLocale,
  loadMessages,
  saveLocale,
  shellI18n,
  tokyoDateTimeJa,
} from '../../src/i18n/i18n.js';
import { I18nController } from '../../src/i18n/i18n-controller.js';

const LOCALE_KEY = 'my-page.locale';

function withSearch(search: string, run: () => void): void {
  const before = `${location.pathname}${location.search}${location.hash}`;
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  try {
    run();
  } finally {
    history.replaceState(history.state, '', before);
  }
}

class I18nProbe extends LitElement {
  readonly i18n = new I18nController(this);
}
customElements.define('i18n-probe', I18nProbe);

describe('i18n', () => {
  afterEach(() => localStorage.removeItem(LOCALE_KEY));

  it('date-times are Tokyo time, whatever the device zone', async () => {
    const en = createI18n('en', await loadMessages('en'));
    // 15:30 UTC on 31 Jan is 00:30 on 1 Feb in Tokyo (UTC+9, no daylight saving).
    expect(shellI18n().dateTime('2026-01-31T15:30:00Z')).to.contain('2月1日').and.contain('0:30');
    expect(en.dateTime('2026-01-31T15:30:00Z')).to.contain('Feb 1').and.contain('00:30');
    expect(shellI18n().dateTime('2026-01-31T14:59:00Z')).to.contain('1月31日').and.contain('23:59');
  });

  it('Japanese date-times read as ja-JP Intl writes them in Tokyo, every hour and minute of two years', () => {
    const intl = new Intl.DateTimeFormat('ja-JP', DATE_TIME_OPTIONS);
    // 47-minute steps visit every minute and hour of the day; the year and month ends are asked for by name.
    const start = Date.UTC(2025, 0, 1);
    const instants = [
      '2025-12-31T14:59:00Z',
      '2025-12-31T15:00:00Z',
      '2028-02-28T15:00:00Z',
      '2026-11-20T07:05:00+09:00',
    ];
    for (let t = start; t < start + 2 * 366 * 864e5; t += 47 * 60e3) instants.push(new Date(t).toISOString());
    for (const iso of instants) expect(tokyoDateTimeJa(iso), iso).to.equal(intl.format(new Date(iso)));
    expect(shellI18n().dateTime('2026-11-20T07:05:00+09:00')).to.equal('2026年11月20日 07:05');
    expect(() => tokyoDateTimeJa('not a date')).to.throw(RangeError);
  });

  it('calendar dates are shown as that date, with no zone shift', async () => {
    expect(shellI18n().date('2026-02-01')).to.match(/^2026年2月1日/);
    expect(createI18n('en', await loadMessages('en')).date('2026-02-01')).to.match(/Feb 1, 2026/);
    expect(dayBefore('2026-03-01')).to.equal('2026-02-28');
    expect(dayBefore('2028-03-01')).to.equal('2028-02-29');
    expect(dayBefore('2027-01-01')).to.equal('2026-12-31');
  });

  it('money in JPY: whole yen, grouped, with the yen sign in both languages', async () => {
    const en = createI18n('en', await loadMessages('en'));
    expect(shellI18n().money({ amount: 2530, currency: 'JPY' })).to.match(/^[￥¥]2,530$/);
    expect(en.money({ amount: 1234567, currency: 'JPY' })).to.match(/^[￥¥]1,234,567$/);
    expect(shellI18n().money({ amount: 0, currency: 'JPY' })).to.match(/^[￥¥]0$/);
  });

  it('the language: ?lang first, then the saved choice, then Japanese', () => {
    withSearch('', () => expect(initialLocale()).to.equal('ja'));
    saveLocale('en');
    withSearch('', () => expect(initialLocale()).to.equal('en'));
    withSearch('?lang=ja', () => expect(initialLocale()).to.equal('ja'));
    localStorage.setItem(LOCALE_KEY, 'fr');
    withSearch('?lang=de', () => expect(initialLocale()).to.equal('ja'));
  });

  it('both catalogs are complete: the Japanese shell plus screens, and English, with the same keys', async () => {
    const ja = await loadMessages('ja');
    const en = await loadMessages('en');
    const keys = (catalog: object): string[] =>
      Object.entries(catalog).flatMap(([key, value]) =>
        value && typeof value === 'object' ? keys(value).map((inner) => `${key}.${inner}`) : [key],
      );
    expect(keys(en).sort()).to.deep.equal(keys(ja).sort());
  });

  it('an element with no provider gets the Japanese shell strings', async () => {
    const probe = await fixture<I18nProbe>(html`<i18n-probe></i18n-probe>`);
    expect(probe.i18n.value.locale).to.equal('ja');
    expect(probe.i18n.value.m.app.title).to.equal('マイページ');
  });

  it('errors in words, from the kind only; a busy server names its wait', () => {
    const m = shellI18n().m;
    const problem = (status: number, retryAfter: number | null) =>
      new ProblemError('/x', status, null, null, [], retryAfter);
    expect(errorMessage(m, new NetworkError('/x'))).to.equal(m.errors.network);
    expect(errorMessage(m, new TimeoutError('/x'))).to.equal(m.errors.timeout);
    expect(errorMessage(m, new InvalidResponseError('/x', ['a']))).to.equal(m.errors.invalidResponse);
    expect(errorMessage(m, problem(503, 5))).to.equal(m.errors.retryAfter(5));
    expect(errorMessage(m, problem(429, null))).to.equal(m.errors.server);
    expect(errorMessage(m, problem(409, null))).to.equal(m.errors.generic);
    expect(errorMessage(m, null)).to.equal(m.errors.generic);
  });
});
