/**
 * Asks the platform for the keys beyond arrows / OK / Back, where it must be
 * asked (../shared/tv-platforms.md): Tizen delivers colour, digit and media
 * keys only once registered; HbbTV only those in the app's keyset.
 */

interface TizenInputDevice {
  registerKeyBatch?(keys: string[]): void;
  registerKey?(key: string): void;
}

interface HbbTvApplication {
  privateData?: { keyset?: { setValue(mask: number): void } };
}

const TIZEN_KEYS = [
  'ColorF0Red',
  'ColorF1Green',
  'ColorF2Yellow',
  'ColorF3Blue',
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
];
/** RED | GREEN | YELLOW | BLUE | NAVIGATION | NUMERIC. */
const HBBTV_KEYSET = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x100;

export function requestPlatformKeys(win: Window = window): void {
  const input = (win as unknown as { tizen?: { tvinputdevice?: TizenInputDevice } }).tizen?.tvinputdevice;
  if (input) {
    try {
      if (input.registerKeyBatch) input.registerKeyBatch(TIZEN_KEYS);
      else TIZEN_KEYS.forEach((key) => input.registerKey?.(key));
    } catch {
      // An older Tizen without one of the keys: the rest still works.
    }
  }
  if (/HbbTV/i.test(win.navigator.userAgent)) {
    try {
      const manager = win.document.createElement('object');
      manager.type = 'application/oipfApplicationManager';
      manager.style.cssText = 'position:absolute;width:0;height:0;visibility:hidden';
      win.document.body.appendChild(manager);
      const app = (manager as unknown as { getOwnerApplication(d: Document): HbbTvApplication }).getOwnerApplication(
        win.document,
      );
      app.privateData?.keyset?.setValue(HBBTV_KEYSET);
    } catch {
      // Not a real HbbTV runtime.
    }
  }
}
