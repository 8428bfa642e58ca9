// The `walkout` command line. Each command lives in its own module under commands/; this file only
// assembles them, so `walkout --help` lists exactly the commands that exist.
import { Command, CommanderError } from 'commander';
import { packageVersion } from '../../platform/package-info';
import { registerBench } from './commands/bench';
import { registerDoctor } from './commands/doctor';
import { registerMot } from './commands/mot';
import { registerServe } from './commands/serve';
import { registerSimulation } from './commands/sim';
import { registerStore } from './commands/store';
import { registerToken } from './commands/token';

export function buildProgram(): Command {
  const program = new Command('walkout')
    .description('Walkout: store operations for just-walk-out stores')
    .version(packageVersion())
    .showHelpAfterError();
  registerServe(program);
  registerStore(program);
  registerSimulation(program);
  registerMot(program);
  registerBench(program);
  registerDoctor(program);
  registerToken(program);
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
