// Builds the renderer: one static page plus assets, loaded by Electron from disk and served by
// the browser host. Relative asset paths (base './') make the same build work from file:// and
// from any URL prefix.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server injects an inline script (React Refresh's preamble) and serves CSS as inline
 * <style> tags, both of which the page's strict CSP forbids. In `vite dev` only, relax the policy
 * just enough for that; a production build keeps index.html's policy exactly as written.
 */
function devOnlyRelaxedCsp(): Plugin {
  return {
    name: 'walkout:dev-only-relaxed-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    },
  };
}

export default defineConfig({
  // import.meta.dirname (Vite fills it in when it bundles this file) makes the build independent of
  // the directory it is started from, without a node:* import in the renderer's folder.
  root: import.meta.dirname,
  base: './',
  plugins: [react(), devOnlyRelaxedCsp()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // Electron 41's Chromium and any current browser run modern JS; no down-levelling needed.
    target: 'es2023',
    sourcemap: true,
  },
});
