/**
 * What `npm run screenshots` captures: the sizes, the languages and, in the
 * order they are taken, the shots. Kept apart from the CDP machinery so the
 * list reads like the review checklist it is.
 *
 * A shot either continues the signed-in session of its group (`route`), or
 * needs a fresh page whose mock backend is set up by the page URL (`fresh`),
 * because identity-stop and failing answers end or spoil that session.
 */

import { importTs } from '../serve/import-ts.mjs';

/** The app's own route table (src/app/route-paths.ts, plain data): every screen gets its shot. */
const { ROUTE_TABLE } = await importTs('src/app/route-paths.ts');

export const LOCALES = ['ja', 'en'];

export const SIZES = [
  { name: '1920x1080', width: 1920, height: 1080, tv: true, mobile: false },
  { name: '1280x720', width: 1280, height: 720, tv: true, mobile: false },
  { name: '390x844', width: 390, height: 844, tv: false, mobile: true },
];

/** Card values that fail every check of src/payment/card-rules.ts before anything is sent. */
export const INVALID_CARD = {
  cardNumber: '4111111111111112', // Visa length, wrong Luhn check digit
  cardExpiry: '1320', // month 13
  cardCvc: '12', // one digit short
  cardHolder: '',
};

/**
 * `screen`: the element that must be rendered; `state`: the app's `state`
 * attribute; `load`: what mp-load-state must show ('none' = data loaded);
 * `until`: a selector that must match somewhere in the composed tree;
 * `action`: a step run once the screen has settled (see take-screenshots.mjs).
 */

/** Shots of a screen in another state, taken right after its plain one (by the route's `name`). */
const MORE_OF = {
  'card-change': [
    {
      name: 'card-change-errors',
      route: '/payment-method/card',
      screen: 'mp-card-change-screen',
      action: 'submit-invalid-card',
      until: 'input[aria-invalid="true"]',
    },
  ],
  membership: [
    {
      name: 'membership-cancel-dialog',
      route: '/membership',
      screen: 'mp-membership-screen',
      action: 'open-cancel-dialog',
      until: 'mp-confirm-dialog',
    },
  ],
};

/** One plain shot per route of the app's table, signed-out ones first (they come before the login). */
const signedOutFirst = [...ROUTE_TABLE.filter((r) => r.signedOut), ...ROUTE_TABLE.filter((r) => !r.signedOut)];
const routeShots = signedOutFirst.flatMap((r) => [
  { name: r.name, route: r.path, screen: r.tag, ...(r.signedOut ? { state: 'signed-out', signedOut: true } : {}) },
  ...(MORE_OF[r.name] ?? []),
]);

const endpointOf = (path) => ROUTE_TABLE.find((r) => r.path === path).endpoint;

export const SHOTS = [
  ...routeShots,
  // Every answer held back: the screen's loading state stays up long enough to capture.
  { name: 'loading', route: '/history', screen: 'mp-history-screen', mock: { latencyMs: 8000 }, load: 'loading' },
  {
    name: 'identity-stop',
    route: '/contract',
    fresh: { scenario: 'foreign-account', endpoint: endpointOf('/contract') },
    state: 'identity-stop',
    screen: 'mp-identity-stop-screen',
  },
  {
    name: 'error-503',
    route: '/payments',
    fresh: { scenario: 'server-error', endpoint: endpointOf('/payments') },
    screen: 'mp-payments-screen',
    load: 'error',
  },
  {
    name: 'error-schema-break',
    route: '/history',
    fresh: { scenario: 'schema-break', endpoint: endpointOf('/history') },
    screen: 'mp-history-screen',
    load: 'error',
  },
  {
    name: 'error-malformed-json',
    route: '/favorites',
    fresh: { scenario: 'malformed-json', endpoint: endpointOf('/favorites') },
    screen: 'mp-favorites-screen',
    load: 'error',
  },
];

/**
 * The README gallery (docs/gallery/, committed): Japanese only, TV at half
 * scale and the phone at 1x, so the PNGs stay small.
 */
export const GALLERY = [
  {
    size: '1920x1080',
    scale: 0.5,
    shots: ['login', 'menu', 'contract', 'history', 'card-change', 'membership-cancel-dialog', 'identity-stop'],
    prefix: 'tv',
  },
  { size: '390x844', scale: 1, shots: ['menu', 'activate', 'history'], prefix: 'phone' },
];
