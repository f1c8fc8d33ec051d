/**
 * The name the phone shows for this device. Its own module, beside
 * device-profile.ts: only the TV sign-in and the step-up use it, so it loads
 * with them and not in the entry of `#/`.
 */
import { isTvDevice } from './device-profile.js';

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
