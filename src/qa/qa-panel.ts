/**
 * The QA panel (dev and `--mode qa` builds only): drives the mock backend
 * into any situation of the contract and shows what the page received.
 *
 * - Demo account: logs in through the real login (every identity check runs).
 * - Scenario, the endpoint it is limited to, latency, reset: the mock's own
 *   control endpoints (`/__mock/config`, `/__mock/reset`), answered by the
 *   dev/preview server or the in-page worker alike. The settings live in the
 *   mock backend, so they survive a reload of the page; the panel reads them
 *   back whenever it opens.
 * - Identity state, the last exchanges with the guard's verdict, the last
 *   keys with what they were mapped to: from qa-trace.ts.
 *
 * Every control is a button, so the remote's arrows and OK reach all of it;
 * focus is trapped while it is open (arrows and Tab alike) and Back closes it.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { IdentityStore } from '../identity/identity-store.js';
import { trapFocus } from '../navigation/focus-trap.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { onTrace, tracedExchanges, tracedKeys, type TracedExchange } from './qa-trace.js';

const CONTROL_BASE = '/__mock';
const LATENCIES = [0, 300, 1000, 3000, 8000];
const SHOWN = 12;

interface MockDescription {
  readonly config: { readonly scenario: string; readonly endpoint: string | null; readonly latencyMs: number };
  readonly scenarios: ReadonlyArray<{
    readonly name: string;
    readonly description: string;
    readonly appliesTo: readonly string[];
  }>;
  readonly accounts: ReadonlyArray<{
    readonly loginId: string;
    readonly accountId: string;
    readonly purpose: string;
    readonly password: string;
  }>;
}

function isMockDescription(value: unknown): value is MockDescription {
  const candidate = value as Partial<MockDescription> | null;
  return (
    !!candidate &&
    typeof candidate.config === 'object' &&
    Array.isArray(candidate.scenarios) &&
    Array.isArray(candidate.accounts)
  );
}

function clock(at: number): string {
  return new Date(at).toTimeString().slice(0, 8);
}

export class MpQaPanel extends LitElement {
  static override properties = {
    identity: { attribute: false },
    mock: { state: true },
    status: { state: true },
  };

  declare identity: IdentityStore | null;
  /** What the mock backend says about itself; null until read (or unreachable). */
  declare mock: MockDescription | null;
  /** The last action's outcome, in plain words (also read by tests). */
  declare status: string;

  private _disconnects: Array<() => void> = [];

  constructor() {
    super();
    this.identity = null;
    this.mock = null;
    this.status = '';
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        position: fixed;
        top: 0;
        right: 0;
        bottom: 0;
        z-index: 20;
        width: min(62rem, 100vw);
        font-size: 0.62rem;
        background: rgba(10, 12, 18, 0.97);
        border-left: 0.15rem solid var(--mp-focus, #ffd23f);
        color: var(--mp-text, #f4f6fb);
      }
      [role='dialog'] {
        height: 100%;
        overflow: auto;
        padding: calc(5vh + 0.4rem) calc(5vw + 0.4rem) calc(5vh + 0.4rem) 1.2rem;
        box-sizing: border-box;
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.6rem 1.2rem;
        align-content: start;
      }
      header,
      .wide {
        grid-column: 1 / -1;
      }
      header {
        display: flex;
        align-items: center;
        gap: 1rem;
      }
      h2 {
        font-size: 1rem;
        margin-right: auto;
      }
      h3 {
        font-size: 0.75rem;
        margin: 0.3rem 0;
        color: var(--mp-text-muted, #b9c0d0);
      }
      button {
        font-size: 0.62rem;
        min-height: 1.6rem;
        padding: 0.15rem 0.5rem;
      }
      button[aria-pressed='true'] {
        background: var(--mp-accent, #4fb3ff);
        color: #05080e;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-variant-numeric: tabular-nums;
      }
      td,
      th {
        text-align: left;
        padding: 0.1rem 0.4rem 0.1rem 0;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        max-width: 14rem;
      }
      .refused,
      .failed {
        color: var(--mp-error, #ff9a8a);
      }
      .accepted {
        color: #8fe08f;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.1rem 0.8rem;
        margin: 0;
      }
      dd {
        margin: 0;
      }
      .description {
        color: var(--mp-text-muted, #b9c0d0);
        min-height: 2.2em;
      }
    `,
  ];

  /** The element whose shadow root holds the panel (the app), still known once the panel is removed. */
  private _host: Element | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const root = this.getRootNode();
    this._host = root instanceof ShadowRoot ? root.host : null;
    const update = (): void => this.requestUpdate();
    this._disconnects = [onTrace(update)];
    if (this.identity) this._disconnects.push(this.identity.on('change', update));
    void this._readMock();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const disconnect of this._disconnects) disconnect();
    this._disconnects = [];
    // Gone, focus went with it to <body>. The app shell has no NavController,
    // so tell the engine on its host: focus returns to the opener, or lands on the screen.
    this._host?.dispatchEvent(new Event('nav-updated'));
  }

  override firstUpdated(): void {
    const dialog = this.renderRoot.querySelector<HTMLElement>('[role=dialog]')!;
    dialog.addEventListener('nav-dismiss', () => this._close());
    trapFocus(dialog);
  }

  override render() {
    return html`
      <div role="dialog" aria-modal="true" aria-labelledby="qa-heading" data-nav-container>
        <!-- Not a second banner of the page: the head of this dialog only. -->
        <header role="none">
          <h2 id="qa-heading">QA panel</h2>
          <span class="muted">Yellow ×4 or Back closes</span>
          <button class="close" @click=${this._close}>Close</button>
        </header>
        ${this._renderMockControls()}
        <section>
          <h3>Identity</h3>
          ${this._renderIdentity()}
        </section>
        <section>
          <h3>Keys received (newest first)</h3>
          ${this._renderKeys()}
        </section>
        <section class="wide">
          <h3>Requests (newest first): the guard's verdict on each answer</h3>
          ${this._renderExchanges()}
        </section>
        <p class="wide status" role="status">${this.status}</p>
      </div>
    `;
  }

  private _renderMockControls() {
    const mock = this.mock;
    if (!mock) {
      return html`<section class="wide">
        <p>Mock backend: ${this.status || 'reading…'}</p>
        <button class="reread" @click=${this._readMock}>Read again</button>
      </section>`;
    }
    const { config } = mock;
    const scenario = mock.scenarios.find((s) => s.name === config.scenario);
    return html`
      <section class="wide">
        <h3>Demo account (logs in through the real login)</h3>
        <div class="choices accounts">
          ${mock.accounts.map(
            (account) =>
              html`<button
                data-login-id=${account.loginId}
                title=${account.purpose}
                aria-pressed=${this.identity?.snapshot.loginId === account.loginId ? 'true' : 'false'}
                @click=${() => this._loginAs(account.loginId, account.password)}
              >
                ${account.loginId}
              </button>`,
          )}
        </div>
      </section>
      <section class="wide">
        <h3>Approve the TV's code as (no phone needed)</h3>
        <div class="choices approvals">
          ${mock.accounts.map(
            (account) =>
              html`<button data-approve-as=${account.loginId} @click=${() => this._approveAs(account.loginId)}>
                ${account.loginId}
              </button>`,
          )}
        </div>
      </section>
      <section class="wide">
        <h3>Scenario</h3>
        <div class="choices scenarios">
          ${mock.scenarios.map(
            (s) =>
              html`<button
                data-scenario=${s.name}
                aria-pressed=${s.name === config.scenario ? 'true' : 'false'}
                @click=${() => this._configure({ scenario: s.name, endpoint: null })}
              >
                ${s.name}
              </button>`,
          )}
        </div>
        <p class="description">${scenario?.description ?? ''}</p>
      </section>
      ${
        scenario && scenario.appliesTo.length
          ? html`<section class="wide">
              <h3>Only on endpoint</h3>
              <div class="choices endpoints">
                <button
                  data-endpoint=""
                  aria-pressed=${config.endpoint === null ? 'true' : 'false'}
                  @click=${() => this._configure({ endpoint: null })}
                >
                  every one it applies to
                </button>
                ${scenario.appliesTo.map(
                  (endpoint) =>
                    html`<button
                      data-endpoint=${endpoint}
                      aria-pressed=${endpoint === config.endpoint ? 'true' : 'false'}
                      @click=${() => this._configure({ endpoint })}
                    >
                      ${endpoint}
                    </button>`,
                )}
              </div>
            </section>`
          : nothing
      }
      <section class="wide">
        <h3>Latency added to every answer</h3>
        <div class="choices latencies">
          ${LATENCIES.map(
            (latencyMs) =>
              html`<button
                data-latency=${latencyMs}
                aria-pressed=${latencyMs === config.latencyMs ? 'true' : 'false'}
                @click=${() => this._configure({ latencyMs })}
              >
                ${latencyMs} ms
              </button>`,
          )}
          <button class="reset" @click=${this._reset}>Reset mock (scenario, latency and account data)</button>
        </div>
      </section>
    `;
  }

  private _renderIdentity() {
    const snapshot = this.identity?.snapshot;
    if (!snapshot) return html`<p>No identity store.</p>`;
    return html`<dl class="identity">
      <dt>state</dt>
      <dd class="state">${snapshot.state}</dd>
      <dt>verified login</dt>
      <dd>${snapshot.loginId ?? '—'}</dd>
      <dt>stop cause</dt>
      <dd>${snapshot.stopCause ?? '—'}</dd>
      <dt>start failed</dt>
      <dd>${snapshot.startFailed ? 'yes' : 'no'}</dd>
    </dl>`;
  }

  private _renderKeys() {
    const keys = tracedKeys().slice(0, SHOWN);
    if (!keys.length) return html`<p class="muted">None yet.</p>`;
    return html`<table class="keys">
      <tr>
        <th>time</th>
        <th>keyCode</th>
        <th>key</th>
        <th>code</th>
        <th>mapped to</th>
      </tr>
      ${keys.map(
        (k) =>
          html`<tr>
            <td>${clock(k.at)}</td>
            <td>${k.keyCode}</td>
            <td>${k.key}</td>
            <td>${k.code}</td>
            <td>${k.action}</td>
          </tr>`,
      )}
    </table>`;
  }

  private _renderExchanges() {
    const exchanges = tracedExchanges().slice(0, SHOWN);
    if (!exchanges.length) return html`<p class="muted">None yet.</p>`;
    return html`<table class="exchanges">
      <tr>
        <th>time</th>
        <th>request</th>
        <th>status</th>
        <th>requestId</th>
        <th>accountId</th>
        <th>verdict</th>
      </tr>
      ${exchanges.map(
        (e: TracedExchange) =>
          html`<tr data-request-id=${e.requestId}>
            <td>${clock(e.at)}</td>
            <td>${e.method} ${e.endpoint}</td>
            <td>${e.status ?? '—'}</td>
            <td title=${e.requestId}>${e.requestId.slice(0, 8)}</td>
            <td>${e.accountId ?? '—'}</td>
            <td class=${e.verdict}>${e.verdict}${e.detail ? `: ${e.detail}` : ''}</td>
          </tr>`,
      )}
    </table>`;
  }

  private async _control(path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${CONTROL_BASE}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.status === 204 ? undefined : response.json();
  }

  private async _readMock(): Promise<void> {
    try {
      const answer = await this._control('/config');
      if (!isMockDescription(answer)) throw new Error('unexpected /__mock/config answer');
      this.mock = answer;
    } catch (error) {
      this.mock = null;
      this.status = `Mock backend unreachable (${String(error)}): is this a production build?`;
    }
  }

  private async _configure(patch: Record<string, unknown>): Promise<void> {
    try {
      const answer = await this._control('/config', patch);
      if (isMockDescription(answer)) this.mock = answer;
      const { scenario, endpoint, latencyMs } = this.mock!.config;
      this.status = `Mock: ${scenario}${endpoint ? ` on ${endpoint}` : ''}, +${latencyMs} ms. Open a screen to see it.`;
    } catch (error) {
      this.status = `Could not configure the mock: ${String(error)}`;
    }
  }

  /**
   * What a phone does on `#/activate`, for the newest live code (sign-in or
   * step-up): the mock's own approval, so an emulator needs no phone. The TV
   * still checks the answer as it checks a phone's.
   */
  private async _approveAs(loginId: string): Promise<void> {
    const response = await fetch(`${CONTROL_BASE}/device/approve`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ loginId }),
      cache: 'no-store',
    });
    this.status =
      response.status === 200
        ? `Approved the TV's code as ${loginId}.`
        : response.status === 404
          ? 'No live code: open the TV sign-in (or a re-authentication) first.'
          : response.status === 409
            ? `A step-up code belongs to another account than ${loginId} (choose the scenario stepup-other-account to let it through).`
            : `Could not approve: HTTP ${response.status}`;
  }

  private async _reset(): Promise<void> {
    try {
      await this._control('/reset', {});
      await this._readMock();
      this.status = 'Mock reset: normal, no latency, demo data restored.';
    } catch (error) {
      this.status = `Could not reset the mock: ${String(error)}`;
    }
  }

  private async _loginAs(loginId: string, password: string): Promise<void> {
    const identity = this.identity;
    if (!identity) return;
    this.status = `Logging in as ${loginId}…`;
    try {
      const state = identity.snapshot.state;
      if (state === 'ready') await identity.logout();
      else if (state === 'identity-stop') identity.startOver();
      await identity.login(loginId, password);
      this.status = `Logged in as ${loginId}.`;
    } catch (error) {
      this.status = `Login as ${loginId} failed: ${String(error)}`;
    }
  }

  private _close(): void {
    this.dispatchEvent(new Event('close', { bubbles: true, composed: true }));
  }
}

customElements.define('mp-qa-panel', MpQaPanel);

declare global {
  interface HTMLElementTagNameMap {
    'mp-qa-panel': MpQaPanel;
  }
}
