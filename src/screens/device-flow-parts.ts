/**
 * The parts of a device-flow screen that the TV sign-in (login-screen.ts) and
 * the TV's step-up (step-up-panel.ts) both show.
 */
import { html } from 'lit';
import '../components/mp-device-code.js';
import type { DeviceFlowEnd, DeviceFlowState } from '../data/device-sign-in-controller.js';
import type { Messages } from '../i18n/messages-ja.js';

/** A code waiting for the phone: the code, address, QR and countdown, and a word when polling fails. */
export function renderWaitingCode(m: Messages, state: Extract<DeviceFlowState, { phase: 'waiting' }>) {
  return html`
    <mp-device-code
      user-code=${state.code.userCode}
      verification-uri=${state.code.verificationUri}
      verification-uri-complete=${state.code.verificationUriComplete}
      seconds-left=${state.secondsLeft}
    ></mp-device-code>
    ${state.offline ? html`<p class="form-error" role="status">${m.deviceSignIn.offline}</p>` : null}
  `;
}

/** Why a device flow ended, in words (the sign-in here, the step-up in step-up-panel.ts). */
export function endText(m: Messages, reason: DeviceFlowEnd): string {
  switch (reason) {
    case 'denied':
      return m.deviceSignIn.denied;
    case 'expired':
      return m.deviceSignIn.expired;
    case 'start-failed':
      return m.deviceSignIn.startFailed;
    default:
      return m.deviceSignIn.failed;
  }
}
