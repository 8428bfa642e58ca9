// The desktop window's security rules, kept apart from Electron calls so they can be unit-tested:
// which URLs are the app's own, and the CSP every response of the app protocol carries.
import { resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../browser/http-server';

export const appScheme = 'walkout';
export const appOrigin = `${appScheme}://app`;

/** True only for pages served by the app's own protocol (or the dev server when one is given). */
export function isAppUrl(url: string, devServerOrigin?: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === `${appScheme}:` && parsed.host === 'app') return true;
    return devServerOrigin !== undefined && parsed.origin === devServerOrigin;
  } catch {
    return false;
  }
}

export { contentSecurityPolicy };

/** Maps `walkout://app/<path>` to a file inside `root`, or undefined if the path would leave it. */
export function appUrlToFile(url: string, root: string): string | undefined {
  const relative = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '') || 'index.html';
  const file = resolve(root, relative);
  return file.startsWith(resolve(root) + sep) ? file : undefined;
}
