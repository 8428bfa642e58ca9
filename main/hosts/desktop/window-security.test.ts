// The desktop window's URL rules: only the app's own protocol (or the dev server) is trusted, and
// the protocol handler cannot be walked out of the renderer folder.
import { describe, expect, it } from 'vitest';
import { appUrlToFile, isAppUrl } from './window-security';

describe('isAppUrl', () => {
  it('trusts the app protocol', () => expect(isAppUrl('walkout://app/index.html')).toBe(true));
  it('refuses file://, other hosts and web pages', () => {
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('walkout://evil/index.html')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
  it('trusts the dev server only when one is running', () => {
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
  });
});

describe('appUrlToFile', () => {
  const root = '/opt/walkout/out/renderer';
  it('maps the root to index.html and keeps asset paths', () => {
    expect(appUrlToFile('walkout://app/', root)).toBe(`${root}/index.html`);
    expect(appUrlToFile('walkout://app/assets/app.js', root)).toBe(`${root}/assets/app.js`);
  });
  it('never leaves the renderer folder, however the path is spelled', () => {
    for (const path of ['%2e%2e/%2e%2e/etc/passwd', '..%2f..%2fetc%2fpasswd', '%2e%2e%5c..%5cetc']) {
      const file = appUrlToFile(`walkout://app/${path}`, root);
      expect(file === undefined || file.startsWith(`${root}/`), `${path} → ${file}`).toBe(true);
    }
    expect(appUrlToFile('walkout://app/..%2f..%2fetc%2fpasswd', root)).toBeUndefined();
  });
});
