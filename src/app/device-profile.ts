/**
 * Is this a TV? Decides TV-only aids (the on-screen number pad, the phone
 * hand-off QR code). From the user agent of the platforms we know, or forced
 * with `?tv=1` / `?tv=0` (QA on a desktop browser, tests).
 */
const TV_AGENTS =
  /SMART-TV|SmartTV|Tizen|Web0S|webOS|NetCast|HbbTV|BRAVIA|AFT[A-Z]|Android TV|GoogleTV|CrKey|VIDAA|Viera|AQUOS/i;

export function isTvDevice(win: Window = window): boolean {
  const forced = new URLSearchParams(win.location.search).get('tv');
  if (forced === '1') return true;
  if (forced === '0') return false;
  return TV_AGENTS.test(win.navigator.userAgent);
}

const TV_NAMES: readonly [RegExp, string][] = [
  [/Tizen/i, 'Samsung TV (Tizen)'],
  [/Web0S|webOS|NetCast/i, 'LG TV (webOS)'],
  [/AFT[A-Z]/, 'Fire TV'],
  [/BRAVIA/i, 'Sony BRAVIA'],
  [/AQUOS/i, 'AQUOS'],
  [/Viera/i, 'Panasonic VIERA'],
  [/VIDAA/i, 'VIDAA TV'],
  [/Android TV|GoogleTV/i, 'Android TV'],
  [/CrKey/i, 'Chromecast'],
  [/HbbTV|SMART-TV|SmartTV/i, 'Smart TV'],
];

/**
 * The name the phone shows when asked to approve this device ("Does your TV
 * show ...?"): the platform only, nothing that identifies the household.
 */
export function deviceDisplayName(win: Window = window): string {
  const agent = win.navigator.userAgent;
  const known = TV_NAMES.find(([pattern]) => pattern.test(agent));
  if (known) return known[1];
  return isTvDevice(win) ? 'TV' : 'Web browser';
}
