import { expect } from '@open-wc/testing';
import { API_BASE } from '../../src/api/request-shape.js';
import { endpointPath } from '../../src/api/endpoints.js';

/** Where the browser would really send the request: the URL parser resolves dot segments. */
function sentPath(path: string): string {
  return new URL(`${API_BASE}${path}`, location.origin).pathname;
}

describe('endpointPath', () => {
  it('fills a parameter as one encoded segment', () => {
    expect(endpointPath('removeDevice', { deviceId: 'dev_1' })).to.equal('/devices/dev_1');
  });

  for (const id of ['../contract', '..%2Fcontract', 'a/b', 'a?b=1', 'a#b', 'a\\b', '%2e%2e', 'a b', '.%2E']) {
    it(`keeps ${JSON.stringify(id)} inside its one segment`, () => {
      const path = sentPath(endpointPath('removeFavorite', { titleId: id }));
      const segments = path.split('/').filter(Boolean);
      expect(segments.slice(0, -1)).to.deep.equal([...API_BASE.split('/').filter(Boolean), 'favorites']);
      expect(decodeURIComponent(segments.at(-1)!)).to.equal(id);
    });
  }

  for (const id of ['.', '..']) {
    it(`refuses the dot segment ${JSON.stringify(id)}, which the URL parser would resolve away`, () => {
      expect(() => endpointPath('removeHistoryEntry', { entryId: id })).to.throw(/path parameter/);
    });
  }

  it('refuses a missing or empty parameter', () => {
    expect(() => endpointPath('removeDevice', {})).to.throw(/Missing path parameter "deviceId"/);
    expect(() => endpointPath('removeDevice', { deviceId: '' })).to.throw(/Missing path parameter/);
  });
});
