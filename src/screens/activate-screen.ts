/**
 * #/activate: a phone approving a TV (api-contract.md section 5). The code is
 * typed, or comes from the QR code's `?code=`; the app has already asked for
 * a login if the phone had no session, and kept the route and its code. The
 * TV's name, when it asked and the code are shown with "Does your TV show
 * BCDF-GHJK?" before Approve / Decline (RFC 8628 section 5.4: a code someone
 * sent must not be approved by a scan alone). The flow is the controller's;
 * this element collects the code and says what happened.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { replaceHistoryEntry } from '../app/history-entry.js';
import { servicesContext } from '../api/services-context.js';
import '../components/mp-screen.js';
import {
  codeFromHash,
  DeviceApprovalController,
  formatUserCode,
  type ApprovalProblem,
} from '../data/device-approval-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import type { Messages } from '../i18n/messages-ja.js';
import { NavController } from '../navigation/nav-controller.js';
import { detailStyles, sharedStyles } from '../styles/shared-styles.js';

/**
 * Set as a property (it reflects to the attribute): lit-analyzer's table of
 * autocomplete tokens lacks the standard `one-time-code`.
 */
const ONE_TIME_CODE: AutoFill = 'one-time-code';

function problemText(m: Messages, problem: ApprovalProblem): string {
  switch (problem.kind) {
    case 'invalid-code':
      return m.activate.invalidCode;
    case 'wrong-code':
      return m.activate.wrongCode;
    case 'expired':
      return m.activate.expired;
    case 'rate-limited':
      return m.activate.rateLimited(problem.retryAfter);
    case 'network':
      return m.errors.network;
    case 'timeout':
      return m.errors.timeout;
    case 'busy':
      return problem.retryAfter !== null ? m.errors.retryAfter(problem.retryAfter) : m.errors.server;
    case 'mismatch':
      return m.activate.mismatch;
    case 'failed':
      return m.errors.generic;
  }
}

export class ActivateScreen extends LitElement {
  private readonly _i18n = new I18nController(this);
  private readonly _services = new ContextConsumer(this, { context: servicesContext });
  private readonly _flow = new DeviceApprovalController(this, () => this._services.value);
  /** What the code field holds: the `?code=` of the link at first, then what is typed. */
  private _typed = codeFromHash(location.hash);

  constructor() {
    super();
    // The phase changes what can hold focus: let the engine check after each update.
    new NavController(this);
  }

  static override styles = [
    sharedStyles,
    detailStyles,
    css`
      form,
      .confirm,
      .result {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: 1.2rem;
        max-width: 36rem;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.4rem;
        align-self: stretch;
      }
      input {
        font: inherit;
        font-size: 1.4rem;
        letter-spacing: 0.12em;
        text-transform: uppercase;
        padding: 0.5rem 0.8rem;
        border-radius: 0.4rem;
        border: 0.1rem solid var(--mp-line, #5b6478);
        background: #fff;
        color: #111;
        max-width: 16rem;
      }
      .hint {
        font-size: 0.9rem;
      }
      .question {
        font-size: 1.3rem;
      }
      .code {
        letter-spacing: 0.12em;
        font-weight: 700;
      }
      .warning {
        border-left: 0.3rem solid var(--mp-focus, #ffd23f);
        padding-left: 0.8rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
      .error {
        color: var(--mp-error, #ff9a8a);
      }
      button {
        min-height: 2.8rem;
      }
    `,
  ];

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The code is kept in the URL while it is in hand, so a login asked for
    // on the way (the session ran out) comes back to it; a used one is not.
    const flow = this._flow;
    const hash = flow.code && !['approved', 'denied'].includes(flow.phase) ? `#/activate?code=${flow.code}` : null;
    if (hash && location.hash !== hash) replaceHistoryEntry(history.state, hash);
    if (!hash && flow.phase !== 'entry' && location.hash !== '#/activate') {
      replaceHistoryEntry(history.state, '#/activate');
    }
    // The question is new: focus lands on the safe choice, never on Approve.
    if (flow.phase === 'confirm' && (this._shownPhase === 'looking-up' || this._shownPhase === '')) {
      this.renderRoot.querySelector<HTMLElement>('button.deny')?.focus({ preventScroll: true });
    }
    this._shownPhase = flow.phase;
  }

  private _shownPhase = '';

  override render() {
    const { m } = this._i18n.value;
    return html`<mp-screen heading=${m.activate.heading}>${this._renderPhase(m)}</mp-screen>`;
  }

  private _renderPhase(m: Messages) {
    const flow = this._flow;
    switch (flow.phase) {
      case 'entry':
      case 'looking-up':
        return this._renderEntry(m);
      case 'confirm':
      case 'approving':
      case 'denying':
        return this._renderConfirm(m);
      case 'approved':
      case 'denied':
        return this._renderResult(m);
    }
  }

  private _renderProblem(m: Messages) {
    const flow = this._flow;
    if (!flow.problem) return null;
    return html`<div class="problem" role="alert" data-problem=${flow.problem.kind}>
      <p class="error">${problemText(m, flow.problem)}</p>
      ${
        flow.canRetry
          ? html`<button class="retry" data-color-key="green" @click=${() => flow.retry()}>
              <span class="key-hint green" aria-hidden="true"></span>${m.errors.retry}
            </button>`
          : null
      }
    </div>`;
  }

  private _renderEntry(m: Messages) {
    const busy = this._flow.busy;
    const prefilled = this._typed.trim() !== '';
    return html`
      <form @submit=${this._submit} novalidate>
        <p>${m.activate.intro}</p>
        <label>
          ${m.activate.codeLabel}
          <input
            name="userCode"
            .autocomplete=${ONE_TIME_CODE}
            inputmode="text"
            autocapitalize="characters"
            autocorrect="off"
            spellcheck="false"
            enterkeyhint="go"
            aria-describedby="hint"
            aria-invalid=${this._flow.problem?.kind === 'invalid-code' ? 'true' : 'false'}
            .value=${this._typed}
            ?data-nav-default=${!prefilled}
            ?readonly=${busy}
            @input=${(event: Event) => (this._typed = (event.target as HTMLInputElement).value)}
          />
          <span id="hint" class="hint muted">${m.activate.codeHint}</span>
        </label>
        ${this._renderProblem(m)}
        <!-- Not disabled: a disabled button drops focus, and a remote cannot find it again. -->
        <button type="submit" class="lookup" ?data-nav-default=${prefilled} aria-disabled=${busy ? 'true' : 'false'}>
          ${busy ? m.activate.lookingUp : m.activate.next}
        </button>
      </form>
    `;
  }

  private _renderConfirm(m: Messages) {
    const flow = this._flow;
    const request = flow.request;
    if (!request || !flow.code) return null;
    const i18n = this._i18n.value;
    const code = formatUserCode(flow.code);
    const busy = flow.busy;
    // A code that ran out cannot be approved any more: only a new one helps.
    const decidable = flow.problem?.kind !== 'expired' && flow.problem?.kind !== 'mismatch';
    return html`
      <section class="confirm" aria-labelledby="question">
        <h2 id="question" class="question">${m.activate.question(code)}</h2>
        <dl>
          <dt>${m.activate.deviceName}</dt>
          <dd class="text device-name">${request.deviceName}</dd>
          <dt>${m.activate.purpose}</dt>
          <dd class="purpose">${m.activate.purposes[request.purpose]}</dd>
          <dt>${m.activate.requestedAt}</dt>
          <dd class="requested-at">${i18n.dateTime(request.requestedAt)}</dd>
          <dt>${m.activate.expiresAt}</dt>
          <dd class="expires-at">${i18n.dateTime(request.expiresAt)}</dd>
          <dt>${m.activate.code}</dt>
          <dd class="code">${code}</dd>
        </dl>
        <p class="warning">${m.activate.warning}</p>
        ${this._renderProblem(m)}
        <div class="actions">
          ${
            decidable
              ? html`
                  <button
                    class="deny"
                    data-nav-default
                    aria-disabled=${busy ? 'true' : 'false'}
                    @click=${() => flow.deny()}
                  >
                    ${flow.phase === 'denying' ? m.activate.denying : m.activate.deny}
                  </button>
                  <button class="approve" aria-disabled=${busy ? 'true' : 'false'} @click=${() => flow.approve()}>
                    ${flow.phase === 'approving' ? m.activate.approving : m.activate.approve}
                  </button>
                `
              : null
          }
          <button class="other-code" ?data-nav-default=${!decidable} @click=${this._startOver}>
            ${m.activate.otherCode}
          </button>
        </div>
      </section>
    `;
  }

  private _renderResult(m: Messages) {
    const flow = this._flow;
    const approved = flow.phase === 'approved';
    return html`
      <div class="result">
        <p class="notice outcome" role="status" data-outcome=${flow.phase}>
          ${approved ? m.activate.approved(flow.request?.deviceName ?? '') : m.activate.denied}
        </p>
        <button class="other-code" data-nav-default @click=${this._startOver}>${m.activate.otherCode}</button>
      </div>
    `;
  }

  private _submit(event: Event): void {
    event.preventDefault();
    void this._flow.lookup(this._typed);
  }

  private _startOver(): void {
    this._typed = '';
    this._flow.startOver();
    replaceHistoryEntry(history.state, '#/activate');
  }
}

customElements.define('mp-activate-screen', ActivateScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-activate-screen': ActivateScreen;
  }
}
