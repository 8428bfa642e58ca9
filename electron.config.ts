// The build configuration of the Electron app (electron-vite): the main process (the desktop host),
// the sandboxed preload (one CommonJS file: a sandboxed preload cannot load modules), and the
// renderer, which is the same Vite build the browser host serves. Packaging (electron-builder)
// reads the `build` key of package.json and its resources in build/.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/desktop/main',
      externalizeDeps: true,
      rollupOptions: { input: { main: 'main/hosts/desktop/main.ts' } },
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
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      emptyOutDir: true,
      rollupOptions: { input: 'renderer/index.html' },
    },
  },
});
