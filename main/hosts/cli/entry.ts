// Process entry of the bundled CLI (out/node/cli.js).
import { runCli } from './main';

await runCli(process.argv.slice(2));
