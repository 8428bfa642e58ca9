// Lint, and with it the architecture: the import zones below are DESIGN.md section 3's dependency
// rules, checked on every file instead of remembered. `main/lint/layering.test.ts` proves each rule
// bites.
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nativeLibraries = ['node-hid', 'usb', 'onnxruntime-node'];

const restrict = (paths: string[], message: string) => paths.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './main/engine',
              from: './main',
              except: ['./engine', './store/schema.ts', './store/geometry.ts'],
              message: 'The engine is pure: it may import only the engine and the store model (DESIGN §3).',
            },
            { target: './main/engine', from: './native-bridge', message: 'The engine is pure: no native bridge (DESIGN §3).' },
            { target: './renderer', from: './main', message: 'The renderer never imports main/: go through native-bridge/contract (DESIGN §3).' },
            {
              target: './renderer',
              from: './native-bridge',
              except: ['./contract', './rpc/browser', './rpc/shared'],
              message: 'The renderer may import only the contract and the browser side of the RPC (DESIGN §3).',
            },
            {
              target: './native-bridge/contract',
              from: './main',
              except: ['./store/schema.ts'],
              message: 'The contract is shared with the renderer: it may use only the store model schema from main/.',
            },
            {
              target: ['./main/engine', './main/store', './main/db', './main/services', './main/sim', './main/eval', './main/devices', './main/app'],
              from: './main/hosts',
              message: 'Nothing below the hosts knows which host it runs in (DESIGN §2).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['main/hosts/desktop/**', 'native-bridge/preload/**', 'native-bridge/**', 'main/lint/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...restrict(['electron'], 'Only the desktop host and the preload import electron (DESIGN §3).'),
            ...restrict(nativeLibraries, 'Native device libraries are imported only in native-bridge/, lazily (DESIGN §3).'),
          ],
        },
      ],
    },
  },
  {
    files: ['native-bridge/**/*.ts'],
    ignores: ['native-bridge/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: restrict(['electron'], 'Only the desktop host and the preload import electron (DESIGN §3).') }],
    },
  },
  {
    files: ['main/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...restrict(nodeBuiltins, 'The engine is pure and deterministic: no Node built-ins, no I/O (DESIGN §1).'),
            ...restrict(['better-sqlite3', 'ws', 'electron', ...nativeLibraries], 'The engine is pure: no storage, network or devices (DESIGN §1).'),
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The engine never reads the wall clock: use input timestamps (DESIGN §1).' },
        { object: 'performance', property: 'now', message: 'The engine never reads the wall clock: use input timestamps (DESIGN §1).' },
        { object: 'Math', property: 'random', message: 'The engine is deterministic: use a seeded generator.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'native-bridge/contract/**/*.ts', 'native-bridge/rpc/browser/**/*.ts', 'native-bridge/rpc/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...restrict(nodeBuiltins, 'Browser code has no Node built-ins.'), ...restrict(['electron', 'better-sqlite3', 'ws', ...nativeLibraries], 'Browser code talks to main only through the contract.')] },
      ],
    },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { URL: 'readonly', console: 'readonly', process: 'readonly' } },
  },
  {
    files: ['renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
