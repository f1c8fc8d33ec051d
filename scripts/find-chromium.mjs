/**
 * Where `npm test` and the scripts get a modern Chromium on a machine that
 * cannot download browsers: CHROME_PATH, Debian's package, or the binary
 * inside the @sparticuz/chromium devDependency (unpacked on first use).
 */
import { existsSync } from 'node:fs';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) {
    if (path && existsSync(path)) return path;
  }
  const { default: chromium } = await import('@sparticuz/chromium');
  return chromium.executablePath();
}
