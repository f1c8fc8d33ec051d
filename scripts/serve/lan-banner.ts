/**
 * Serving to devices: after Vite's own URL lines, `vite --host` and
 * `vite preview --host` print the LAN address as a QR code and the QA links,
 * so a tester can type the address into a TV remote or scan it with a phone.
 * Without --host they print one hint instead, since the servers then listen
 * on loopback only and no TV can reach them.
 *
 * The mock API is answered by the server itself (vite.config.ts), over
 * plain HTTP: a TV on a LAN address is not a secure context and would get
 * no Service Worker, so the links below work on any device that reaches
 * the address.
 */
import { generate } from 'lean-qr';
import type { Logger, Plugin, PreviewServer, ViteDevServer } from 'vite';

export interface TerminalQrOptions {
  /** Light modules around the code; ISO 18004 asks for 4, and phones need some. */
  pad?: number;
  /**
   * Paint each line white on black. Without it the code relies on the
   * terminal being dark with light text, which is the common default; with
   * it the code reads right on light themes too.
   */
  ansi?: boolean;
}

/**
 * The QR code of `text` as text, two modules per character cell (half
 * blocks), so it is about square in a terminal and half as tall as one
 * character per module.
 *
 * Light modules (and the quiet zone) are the ink and dark modules are the
 * background, because a terminal draws ink light on dark: drawing the dark
 * modules as blocks would print a negative that many scanners refuse.
 */
export function renderTerminalQr(text: string, options: TerminalQrOptions = {}): string {
  const pad = options.pad ?? 4;
  const code = generate(text);
  const from = -pad;
  const to = code.size + pad; // exclusive
  const light = (x: number, y: number): boolean => y < to && !code.get(x, y);
  const lines: string[] = [];
  for (let y = from; y < to; y += 2) {
    let line = '';
    for (let x = from; x < to; x += 1) {
      const top = light(x, y);
      const bottom = light(x, y + 1);
      line += top ? (bottom ? '█' : '▀') : bottom ? '▄' : ' ';
    }
    // The reset before the newline keeps the colours off the rest of the line.
    lines.push(options.ansi ? `\x1b[97;40m${line}\x1b[0m` : line);
  }
  return lines.join('\n');
}

export interface LanBannerInput {
  /** server.resolvedUrls.network: empty unless the server listens beyond loopback. */
  networkUrls: readonly string[];
  /** The command that serves this build on the LAN, for the hint. */
  hostCommand: string;
  /** Where the mock's control endpoints live (see src/mocks/control-handlers.ts). */
  controlBase?: string;
  ansi?: boolean;
}

/** The lines printed after Vite's URLs; pure, so it can be tested without a server. */
export function lanBannerLines(input: LanBannerInput): string[] {
  const [first, ...others] = input.networkUrls;
  if (first === undefined) {
    return [
      `  ➜  TV/phone: not reachable from the LAN; run \`${input.hostCommand}\` to serve it there (QR code included)`,
    ];
  }
  const controlBase = input.controlBase ?? '/__mock';
  const link = (relative: string): string => new URL(relative, first).href;
  const lines = [
    '',
    `  ➜  TV/phone: ${first}  (type it on the TV, or scan with a phone)`,
    ...others.map((url) => `                ${url}`),
    '',
    ...renderTerminalQr(first, { ansi: input.ansi ?? false })
      .split('\n')
      .map((line) => `  ${line}`),
    '',
    '  QA links (mock API answered by this server over plain HTTP):',
    `     TV layout    ${link('?tv=1')}`,
    `     QA panel     ${link('?qa')}  (dev server and --mode qa builds)`,
    `     a fault      ${link('?scenario=foreign-account&endpoint=contract#/contract')}`,
    `     mock config  ${link(`${controlBase}/config`)}  (scenarios, demo accounts)`,
    '',
  ];
  return lines;
}

function colourTerminal(): boolean {
  return Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env['TERM'] !== 'dumb';
}

/**
 * Printing rides on printUrls rather than on `listening`: the CLI calls it
 * right after its own header, and again on the `u` shortcut or a restart
 * that changed the address, so the banner always follows the URL lines.
 */
function printAfterUrls(
  server: ViteDevServer | PreviewServer,
  logger: Logger,
  hostCommand: string,
  controlBase: string,
): void {
  const printUrls = server.printUrls.bind(server);
  server.printUrls = () => {
    printUrls();
    const lines = lanBannerLines({
      networkUrls: server.resolvedUrls?.network ?? [],
      hostCommand,
      controlBase,
      ansi: colourTerminal(),
    });
    // One message: Vite's logger folds identical consecutive lines (the QR
    // code's quiet-zone rows) into a screen clear and an "(x2)".
    logger.info(lines.join('\n'));
  };
}

export function lanBanner(options: { controlBase?: string } = {}): Plugin {
  const controlBase = options.controlBase ?? '/__mock';
  return {
    name: 'my-page-lan-banner',
    configureServer(server) {
      printAfterUrls(server, server.config.logger, 'npm start -- --host', controlBase);
    },
    configurePreviewServer(server) {
      printAfterUrls(server, server.config.logger, 'npm run preview -- --host', controlBase);
    },
  };
}
