/**
 * Runs <my-page-app> against the msw mock backend inside the test page: the
 * same handlers that serve `npm start`, here through msw's service worker.
 */
import { fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { http } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { replaceHistoryEntry } from '../../src/app/history-entry.js';
import { LOADING_GLANCE_MS, type MyPageApp } from '../../src/app/my-page-app.js';
import type { AppState } from '../../src/identity/identity-store.js';
import { MockBackend } from '../../src/mocks/mock-backend.js';
import { startMockWorker } from '../../src/mocks/browser.js';
import { DEMO_PASSWORD } from '../../src/mocks/demo-accounts.js';

export const TARO = { loginId: 'taro@example.jp', accountId: 'acc_4f2b9c' };
export const HANAKO = { loginId: 'hanako@example.jp', accountId: 'acc_7d1e3a' };

let backend: MockBackend | null = null;
let worker: SetupWorker | null = null;

/** One backend and worker per test file (each file runs in its own page). */
export async function mockBackend(): Promise<MockBackend> {
  if (!backend) {
    backend = new MockBackend();
    worker = await startMockWorker(backend);
  }
  return backend;
}

/** The msw worker, for a test that must answer what no scenario does (`worker.use`, then `resetHandlers`). */
export async function mockWorker(): Promise<SetupWorker> {
  await mockBackend();
  return worker!;
}

/** Holds the session read until `release()`; the mock backend's own handler then answers. */
export async function holdSessionRead(): Promise<{ release(): void; asked(): boolean; done(): void }> {
  const worker = await mockWorker();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  worker.use(
    http.get('/api/auth/session', async () => {
      asked = true;
      await held;
    }),
  );
  return {
    release,
    asked: () => asked,
    done: () => {
      release();
      worker.resetHandlers();
    },
  };
}

/** Between tests: fresh data, no session, no tab memory, no screen. */
export async function resetAll(): Promise<MockBackend> {
  fixtureCleanup();
  const mock = await mockBackend();
  await fetch('/api/auth/logout', { method: 'POST', credentials: 'include' });
  mock.reset();
  sessionStorage.clear();
  localStorage.removeItem('my-page.locale');
  scrollTo(0, 0);
  const search = new URLSearchParams(location.search);
  search.delete('tv');
  history.replaceState(null, '', `${location.pathname}?${search}`);
  return mock;
}

/** Logs in outside the app (as another tab of the same browser would). */
export async function loginElsewhere(loginId: string): Promise<void> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': crypto.randomUUID() },
    body: JSON.stringify({ loginId, password: DEMO_PASSWORD, nonce: 'test-nonce' }),
  });
  if (!response.ok) throw new Error(`login as ${loginId} failed: ${response.status}`);
}

export async function mountApp(
  hash = '#/',
  options: { tv?: boolean; loadingGlanceMs?: number } = {},
): Promise<MyPageApp> {
  const search = new URLSearchParams(location.search);
  if (options.tv) search.set('tv', '1');
  // WebKit refuses a 101st history write in 10 s (the soak writes many): then the hash goes by location.replace.
  const url = `${location.pathname}?${search}${hash}`;
  if (replaceHistoryEntry(null, url) === 'refused' && new URL(url, location.href).href !== location.href)
    throw new Error(`mountApp: the engine refused to change the URL to ${url}`);
  return fixture<MyPageApp>(
    html`<my-page-app .loadingGlanceMs=${options.loadingGlanceMs ?? LOADING_GLANCE_MS}></my-page-app>`,
  );
}

export async function waitForState(app: MyPageApp, state: AppState, timeout = 5000): Promise<void> {
  await waitUntil(
    () => app.getAttribute('state') === state,
    `state never became ${state} (is ${app.getAttribute('state')})`,
    {
      timeout,
    },
  );
}

/** The current screen element inside the app's shadow root. */
export function screenOf<K extends keyof HTMLElementTagNameMap>(
  app: MyPageApp,
  tag: K,
): HTMLElementTagNameMap[K] | null {
  return app.shadowRoot!.querySelector(tag);
}

/** An element inside a screen's shadow root. */
export function inScreen(app: MyPageApp, tag: keyof HTMLElementTagNameMap, selector: string): HTMLElement | null {
  return screenOf(app, tag)?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

export async function waitForElement(
  find: () => Element | null,
  message: string,
  timeout = 5000,
): Promise<HTMLElement> {
  await waitUntil(() => find() !== null, message, { timeout });
  return find() as HTMLElement;
}

/** Logs in as `loginId` and mounts the app at `hash`, ready. */
export async function readyAppAs(loginId: string, hash = '#/', options: { tv?: boolean } = {}): Promise<MyPageApp> {
  await loginElsewhere(loginId);
  const app = await mountApp(hash, options);
  await waitForState(app, 'ready');
  return app;
}

/** Types into the login form and submits it, as a customer would. */
export async function submitLogin(app: MyPageApp, loginId: string, password = DEMO_PASSWORD): Promise<void> {
  const form = await waitForElement(() => inScreen(app, 'mp-login-screen', 'form'), 'no login form');
  (form.querySelector('input[name=loginId]') as HTMLInputElement).value = loginId;
  (form.querySelector('input[name=password]') as HTMLInputElement).value = password;
  (form.querySelector('button[type=submit]') as HTMLButtonElement).click();
}

/** How many rows a list screen has loaded (rows are windowed; each carries aria-setsize). */
export function loadedRows(app: MyPageApp, tag: keyof HTMLElementTagNameMap): number {
  return Number(inScreen(app, tag, 'li[aria-setsize]')?.getAttribute('aria-setsize') ?? 0);
}

/** How many rows are actually in the DOM. */
export function renderedRows(app: MyPageApp, tag: keyof HTMLElementTagNameMap): number {
  return screenOf(app, tag)?.shadowRoot?.querySelectorAll('li').length ?? 0;
}
