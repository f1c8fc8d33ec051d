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
