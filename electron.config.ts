// The build configuration of the Electron app (electron-vite): the main process (the desktop host),
// the sandboxed preload (one CommonJS file: a sandboxed preload cannot load modules), and the
// renderer, which is exactly the Vite build the browser host serves (renderer/vite.config.ts).
// Packaging (electron-builder) reads the `build` key of package.json and its resources in build/.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import renderer from './renderer/vite.config';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/desktop/main',
      externalizeDeps: true,
      rollupOptions: { input: { main: 'main/hosts/desktop/main.ts', 'live-worker': 'main/live/live-worker.ts', 'camera-worker': 'main/devices/cameras/camera-worker.ts', 'detector-worker': 'main/devices/cameras/detector-worker.ts' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/desktop/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: 'native-bridge/preload/preload.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // Paths made absolute: electron-vite bundles this file, so the renderer config's own
  // import.meta.dirname would point here rather than at renderer/.
  renderer: {
    ...renderer,
    root: resolve('renderer'),
    build: { ...renderer.build, outDir: resolve('out/renderer'), rollupOptions: { input: resolve('renderer/index.html') } },
  },
});
