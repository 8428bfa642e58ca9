// `walkout token issue`: issues one signed entry token for a store (for tests and for integrators
// building a shopper app), prints it with its QR code rendered for the terminal, and writes the QR
// code as a PNG. The key is the demo store's published key, `--key HEX`, or WALKOUT_STORE_KEY; it
// never creates a key, since a token signed with a key the store does not know would be useless.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { type Command } from 'commander';
import QRCode from 'qrcode';
import { issueEntryToken, keyFromHex, type EntryClaims } from '../../../engine/fusion/entry-token';
import { DEMO_STORE_KEY } from '../../../store/demo-key';
import { demoStoreDir, loadStore } from '../../../store/load';
import { resolveStoreDir } from '../store-option';
import { positiveNumber, wholeNumber } from '../option-parsers';

export interface TokenIssueOptions {
  account: string;
  /** People the token admits, 1 to 8. */
  group: number;
  validMinutes: number;
  /** Where to write the PNG; defaults to `token-<account>.png`. */
  png?: string;
  /** `demo` or a store directory. */
  store: string;
  /** The store's key as hex; overrides WALKOUT_STORE_KEY. */
  key?: string;
}

export interface IssuedToken {
  token: string;
  claims: EntryClaims;
}

function storeKey(storeDir: string, keyHex: string | undefined, env: NodeJS.ProcessEnv): Uint8Array {
  if (keyHex !== undefined) return keyFromHex(keyHex);
  if (resolve(storeDir) === resolve(demoStoreDir())) return DEMO_STORE_KEY;
  if (env.WALKOUT_STORE_KEY) return keyFromHex(env.WALKOUT_STORE_KEY);
  throw new Error(`no entry-token key for the store at ${storeDir}: pass --key HEX or set WALKOUT_STORE_KEY (only the demo store has a built-in key)`);
}

/** Signs a fresh token (random nonce, valid from `nowMs` for `validMinutes`) for the chosen store. */
export function issueToken(options: TokenIssueOptions, nowMs: number = Date.now(), env: NodeJS.ProcessEnv = process.env): IssuedToken {
  if (!options.account.trim()) throw new Error('--account must not be empty');
  const storeDir = resolveStoreDir(options.store);
  const key = storeKey(storeDir, options.key, env);
  const claims: EntryClaims = {
    account: options.account,
    store: loadStore(storeDir).layout.id,
    issuedAtMs: nowMs,
    expiresAtMs: nowMs + Math.round(options.validMinutes * 60_000),
    nonce: randomBytes(16).toString('base64url'),
    groupSize: options.group,
  };
  return { token: issueEntryToken(key, claims), claims };
}

const groupSize = wholeNumber(1, 8, 'a whole number of people');
const positiveMinutes = positiveNumber('a positive number of minutes');

export function registerToken(program: Command): void {
  const token = program.command('token').description('entry tokens: the signed codes the gate scans to let shoppers in');
  token
    .command('issue')
    .description('issue one entry token: prints it and its QR code, and writes the QR code as a PNG')
    .requiredOption('--account <id>', 'the shopper account the token admits')
    .option('--group <n>', 'people the token admits (1 to 8)', groupSize, 1)
    .option('--valid-minutes <m>', 'minutes until the token expires', positiveMinutes, 15)
    .option('--png <file>', 'where to write the QR code PNG (default token-<account>.png)')
    .option('--store <demo|dir>', 'the bundled demo store or a store directory', 'demo')
    .option('--key <hex>', "the store's entry-token key as hex (else WALKOUT_STORE_KEY; the demo store has its own)")
    .action(async (options: TokenIssueOptions) => {
      const issued = issueToken(options);
      const png = options.png ?? `token-${options.account.replace(/[^A-Za-z0-9._-]/g, '_')}.png`;
      console.log(issued.token);
      console.log(await QRCode.toString(issued.token, { type: 'terminal', small: true }));
      await QRCode.toFile(png, issued.token, { type: 'png' });
      console.log(`wrote ${png} (store ${issued.claims.store}, account ${issued.claims.account}, group of ${issued.claims.groupSize}, expires ${new Date(issued.claims.expiresAtMs).toISOString()})`);
    });
}
