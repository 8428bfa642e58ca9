// The `walkout` command line. Each command lives in its own module under commands/; this file only
// assembles them, so `walkout --help` lists exactly the commands that exist.
import { Command, CommanderError } from 'commander';
import { packageVersion } from '../../platform/package-info';
import { registerAudit } from './commands/audit';
import { registerBench } from './commands/bench';
import { registerDoctor } from './commands/doctor';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerModels } from './commands/models';
import { registerMot } from './commands/mot';
import { registerPayments } from './commands/payments';
import { registerServe } from './commands/serve';
import { registerShelves } from './commands/shelves';
import { registerSimulation } from './commands/sim';
import { registerStore } from './commands/store';
import { registerToken } from './commands/token';
import { registerUsers } from './commands/users';

export function buildProgram(): Command {
  const program = new Command('walkout')
    .description('Walkout: store operations for just-walk-out stores')
    .version(packageVersion())
    .showHelpAfterError();
  registerServe(program);
  registerStore(program);
  registerSimulation(program);
  registerMot(program);
  registerModels(program);
  registerBench(program);
  registerDoctor(program);
  registerToken(program);
  registerImport(program);
  registerShelves(program);
  registerUsers(program);
  registerAudit(program);
  registerExport(program);
  registerPayments(program);
  return program;
}

export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    console.error(`walkout: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
