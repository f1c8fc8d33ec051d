/** Worker thread of startAppServer (app-server.mjs): the app's files and the mock API. */
import { parentPort, workerData } from 'node:worker_threads';
import { importTs } from '../../scripts/serve/import-ts.mjs';
import { serveApp } from './app-server.mjs';

let backend;
let server;

const methods = {
  async start() {
    const mocks = await importTs('src/mocks/index.ts');
    backend = new mocks.MockBackend();
    server = await serveApp(
      workerData.root,
      mocks.createMockApiMiddleware(backend, { apiBase: '/api' }),
      workerData.mounts,
    );
    return { origin: server.origin };
  },
  reset() {
    backend.reset();
  },
  /** Keeps the first `size` history entries of the account, in the backend's live state. */
  truncateHistory(accountId, size) {
    const history = backend.state(accountId).history;
    if (history.length < size) throw new Error(`${accountId} has only ${history.length} history entries`);
    history.splice(size);
    return history.length;
  },
  historyLength(accountId) {
    return backend.state(accountId).history.length;
  },
  async close() {
    await server?.close();
  },
};

parentPort.on('message', async ({ id, method, args }) => {
  try {
    parentPort.postMessage({ id, result: await methods[method](...args) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
