/**
 * The simulator's settings live in its own URL (`tv-sim.html?res=720&platform=webos#/contract`),
 * so a link in a bug report opens the same screen, size and remote again.
 * Every other query parameter (scenario, endpoint, latency, lang, qa...) is
 * the app's, and goes on to the framed app untouched.
 */

export type Platform = 'tizen' | 'webos';

export interface Resolution {
  readonly width: number;
  readonly height: number;
}

export const RESOLUTIONS: Readonly<Record<string, Resolution>> = {
  '1080': { width: 1920, height: 1080 },
  '720': { width: 1280, height: 720 },
};

export interface SimSettings {
  /** A key of RESOLUTIONS. */
  readonly res: string;
  readonly platform: Platform;
  /** The 5% overscan-safe outline over the frame. */
  readonly safeArea: boolean;
}

export const DEFAULT_SETTINGS: SimSettings = { res: '1080', platform: 'tizen', safeArea: true };

/** The simulator's own parameters; none of them reaches the app. */
const SIM_PARAMS = ['res', 'platform', 'safe'];

export function readSettings(search: string): SimSettings {
  const params = new URLSearchParams(search);
  const res = params.get('res') ?? '';
  const platform = params.get('platform');
  return {
    res: res in RESOLUTIONS ? res : DEFAULT_SETTINGS.res,
    platform: platform === 'webos' || platform === 'tizen' ? platform : DEFAULT_SETTINGS.platform,
    safeArea: params.has('safe') ? params.get('safe') !== '0' : DEFAULT_SETTINGS.safeArea,
  };
}

export function resolutionOf(settings: SimSettings): Resolution {
  return RESOLUTIONS[settings.res] ?? RESOLUTIONS[DEFAULT_SETTINGS.res]!;
}

/** The simulator's query with `settings` written in; the app's parameters keep their place. */
export function writeSettings(search: string, settings: SimSettings): string {
  const params = new URLSearchParams(search);
  params.set('res', settings.res);
  params.set('platform', settings.platform);
  params.set('safe', settings.safeArea ? '1' : '0');
  return `?${params}`;
}

/**
 * The app's URL for the frame: the app beside this page (`./`, so a build
 * served under a sub-path works too), forced into its TV profile with
 * `tv=1`, with the app's own parameters and the hash route passed on.
 */
export function frameUrl(pageHref: string, appPath = './'): string {
  const page = new URL(pageHref);
  const app = new URL(appPath, page);
  const params = new URLSearchParams();
  params.set('tv', '1');
  for (const [name, value] of new URLSearchParams(page.search)) {
    if (!SIM_PARAMS.includes(name) && name !== 'tv') params.append(name, value);
  }
  app.search = `?${params}`;
  app.hash = page.hash;
  return app.href;
}
