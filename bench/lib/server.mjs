/**
 * A tiny loopback HTTP server for the bundled pages: /<page>.html and
 * /<page>.js. It sends COOP/COEP so the pages are cross-origin isolated,
 * which gives performance.now() 5 us resolution instead of 100 us.
 */
import { createServer } from 'node:http';

const html = (name) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>navigation bench: ${name}</title></head>
<body><script src="/${name}.js"></script></body>
</html>
`;

export async function servePages(bundles) {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://127.0.0.1');
    const match = /^\/([\w-]+)\.(html|js)$/.exec(pathname);
    const name = match?.[1];
    if (!match || !bundles.has(name)) {
      response.writeHead(404).end();
      return;
    }
    const isolated = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    if (match[2] === 'html') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...isolated }).end(html(name));
    } else {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', ...isolated }).end(bundles.get(name));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
