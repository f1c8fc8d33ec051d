/**
 * Contract section 1, checks 1-3, on every data endpoint: one foreign answer
 * stops the whole page, shows nothing of it, reports, logs out, and every
 * mutation afterwards is refused without a request.
 */
import { expect } from '@open-wc/testing';
import { RefusedError } from '../../src/api/errors.js';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import type { MockBackend } from '../../src/mocks/mock-backend.js';
import type { ScenarioName } from '../../src/mocks/types.js';
import { HANAKO, TARO, inScreen, readyAppAs, resetAll, waitForElement, waitForState } from '../support/app-harness.js';
import { fingerprintOf } from '../support/leak-fingerprint.js';
import { foundOnPage, pageText } from '../support/page-strings.js';
import { oneScreenPerEndpoint } from '../support/screens.js';

const screens = oneScreenPerEndpoint();

const faults: ReadonlyArray<{ scenario: ScenarioName; received: string }> = [
  { scenario: 'foreign-account', received: HANAKO.accountId },
  { scenario: 'foreign-nested', received: HANAKO.accountId },
  { scenario: 'wrong-request-id', received: TARO.accountId },
];

const hanakoStrings = fingerprintOf(HANAKO.accountId);

function requestsTo(mock: MockBackend, method: string, path: string) {
  return mock.requests.filter((r) => r.method === method && r.path.split('?')[0] === path);
}

/** Asserts the whole identity-stop, as the contract lists it. */
async function expectIdentityStop(app: MyPageApp, mock: MockBackend, endpointPath: string, received: string) {
  await waitForState(app, 'identity-stop');
  await waitForElement(() => inScreen(app, 'mp-identity-stop-screen', '.login-again'), 'no way to log in again');

  expect(foundOnPage(hanakoStrings), 'foreign values on the page').to.deep.equal([]);
  expect(foundOnPage([HANAKO.loginId, TARO.loginId]), 'login ids on the page').to.deep.equal([]);
  expect(app.identity.verifiedSession).to.equal(null);

  // Report (ids only) and logout sent together: the logout never waits for the report.
  await waitForElement(() => (requestsTo(mock, 'POST', '/api/auth/logout').length ? document.body : null), 'no logout');
  await waitForElement(
    () => (requestsTo(mock, 'POST', '/api/security/identity-mismatch').length ? document.body : null),
    'no report',
  );
  const reports = requestsTo(mock, 'POST', '/api/security/identity-mismatch');
  expect(reports).to.have.length(1);
  const body = reports[0]!.body as Record<string, unknown>;
  expect(body.expectedAccountId).to.equal(TARO.accountId);
  expect(body.receivedAccountId).to.equal(received);
  expect(body.endpoint).to.equal(endpointPath);
  expect(body.requestId).to.be.a('string');
  expect(Object.keys(body).sort()).to.deep.equal(['endpoint', 'expectedAccountId', 'receivedAccountId', 'requestId']);
  // The server can tie the report to the ended session even if the logout lands first.
  expect(reports[0]!.headers['x-csrf-token'], 'the report carries the ending session')
    .to.be.a('string')
    .and.not.equal('');

  // Afterwards, nothing can be changed and nothing is even sent.
  const before = mock.requests.length;
  let refused: unknown;
  try {
    await app.api!.mutate('removeFavorite', { params: { titleId: 'ttl_any' } });
  } catch (error) {
    refused = error;
  }
  expect(refused).to.be.instanceOf(RefusedError);
  expect(mock.requests.slice(before)).to.deep.equal([]);
}

describe('identity faults on every data endpoint', () => {
  for (const { endpoint, hash } of screens) {
    for (const { scenario, received } of faults) {
      it(`${scenario} on ${endpoint}: identity-stop, nothing shown, reported, logged out`, async () => {
        const mock = await resetAll();
        // Start on another screen with the customer's own data on it.
        const app = await readyAppAs(TARO.loginId, endpoint === 'favorites' ? '#/contract' : '#/favorites');
        await waitForElement(
          () =>
            inScreen(
              app,
              endpoint === 'favorites' ? 'mp-contract-screen' : 'mp-favorites-screen',
              endpoint === 'favorites' ? '.plan' : 'li',
            ),
          'own data never shown',
        );
        const shownBefore = pageText();

        mock.configure({ scenario, endpoint });
        location.hash = hash;
        await expectIdentityStop(app, mock, `/${endpoint}`, received);

        // What was on screen before is gone too.
        const ownBefore = fingerprintOf(TARO.accountId).filter((value) => shownBefore.includes(value));
        expect(ownBefore.length, 'the test saw own data first').to.be.greaterThan(0);
        expect(foundOnPage(ownBefore)).to.deep.equal([]);
      });
    }
  }

  it('a foreign second page of a list already on screen drops the first page too', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/history');
    const more = await waitForElement(() => inScreen(app, 'mp-history-screen', 'button.load-more'), 'no load-more');
    const firstPage = fingerprintOf(TARO.accountId).filter((value) => pageText().includes(value));
    expect(firstPage.length).to.be.greaterThan(10);

    mock.configure({ scenario: 'foreign-account', endpoint: 'viewing-history' });
    more.click();
    await expectIdentityStop(app, mock, '/viewing-history', HANAKO.accountId);
    expect(foundOnPage(firstPage)).to.deep.equal([]);
  });
});
