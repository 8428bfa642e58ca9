// `walkout users add|list|set-role|disable|enable|passwd`: local accounts for the suite, managed
// from this computer's shell (the first manager has to come from somewhere). Changes are audited
// as made by the shell's user. Passwords are read without echo, or from stdin for scripts.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { roles, type Role } from '../../../../native-bridge/contract/auth';
import { passwordSchema } from '../../../../native-bridge/contract/users';
import { defaultDataDir } from '../../../app/config';
import { openStoreDatabase } from '../../../db';
import { createUsersService, localOperator, type UsersService } from '../../../services/users-service';
import { loadStore } from '../../../store/load';
import { resolveStoreDir } from '../store-option';

interface StoreOptions {
  store: string;
  dataDir: string;
}

async function withUsers<T>(options: StoreOptions, work: (users: UsersService, actor: string) => Promise<T>): Promise<T> {
  const store = loadStore(resolveStoreDir(options.store));
  const db = openStoreDatabase(join(options.dataDir, `${store.layout.id}.sqlite`), { storeId: store.layout.id });
  try {
    const users = createUsersService({ db, storeName: store.layout.name, loginRequired: false });
    return await work(users, `cli:${localOperator().username}`);
  } finally {
    db.close();
  }
}

function parseRole(value: string): Role {
  if (!(roles as readonly string[]).includes(value)) throw new Error(`--role must be one of ${roles.join(', ')}`);
  return value as Role;
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

/** Asks on the terminal with echo off. */
function askHidden(question: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stderr.write(question);
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    }),
  );
}

async function newPassword(fromStdin: boolean | undefined): Promise<string> {
  let password: string;
  if (fromStdin) password = await readStdin();
  else if (process.stdin.isTTY) {
    password = await askHidden('New password: ');
    if ((await askHidden('Again: ')) !== password) throw new Error('the two passwords differ');
  } else throw new Error('no terminal to ask for a password: pipe it in with --password-stdin');
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new Error(`password: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  return password;
}

function printUser(user: { username: string; role: Role; disabled: boolean }): void {
  console.log(`${user.username}\t${user.role}${user.disabled ? '\tdisabled' : ''}`);
}

export function registerUsers(program: Command): void {
  const users = program.command('users').description('local user accounts: managers, reviewers and analysts');
  const withStore = (command: Command) =>
    command
      .option('--store <demo|DIR>', 'the store the accounts belong to', 'demo')
      .option('--data-dir <dir>', 'folder holding the store database', defaultDataDir());

  withStore(users.command('add').description('create an account (asks for its password)'))
    .requiredOption('--username <name>', 'lower-case letters, digits, dot, dash, underscore')
    .requiredOption('--role <role>', roles.join(' | '), parseRole)
    .option('--password-stdin', 'read the password from stdin instead of asking')
    .action(async (opts: StoreOptions & { username: string; role: Role; passwordStdin?: boolean }) => {
      const password = await newPassword(opts.passwordStdin);
      printUser(await withUsers(opts, (service, actor) => service.create({ username: opts.username, role: opts.role, password }, actor)));
    });

  withStore(users.command('list').description('list accounts and their roles')).action(async (opts: StoreOptions) => {
    const list = await withUsers(opts, async (service) => service.list());
    if (list.length === 0) console.log('no accounts yet: create a manager with `walkout users add --username NAME --role manager`');
    list.forEach(printUser);
  });

  withStore(users.command('set-role').description("change an account's role"))
    .argument('<username>')
    .argument('<role>', roles.join(' | '), parseRole)
    .action(async (username: string, role: Role, opts: StoreOptions) => {
      printUser(await withUsers(opts, async (service, actor) => service.update({ username, role }, actor)));
    });

  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    withStore(users.command(name).description(`${name} an account (${disabled ? 'signs it out everywhere' : 'it may sign in again'})`))
      .argument('<username>')
      .action(async (username: string, opts: StoreOptions) => {
        printUser(await withUsers(opts, async (service, actor) => service.update({ username, disabled }, actor)));
      });
  }

  withStore(users.command('passwd').description("set an account's password (signs it out everywhere)"))
    .argument('<username>')
    .option('--password-stdin', 'read the password from stdin instead of asking')
    .action(async (username: string, opts: StoreOptions & { passwordStdin?: boolean }) => {
      const password = await newPassword(opts.passwordStdin);
      printUser(await withUsers(opts, (service, actor) => service.resetPassword({ username, password }, actor)));
    });
}
