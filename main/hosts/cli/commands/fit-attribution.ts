// `walkout bench fit-attribution DIR…`: fits fusion's attribution coefficients to replayed tuning
// runs and prints them with how well they explain the runs (main/runs/fit-attribution.ts).
import type { Command } from 'commander';
import { attributionRows, fitAttribution } from '../../../runs/fit-attribution';

export function registerFitAttribution(bench: Command): void {
  bench
    .command('fit-attribution')
    .argument('<dirs...>', 'replayed run folders of tuning seeds (never table seeds)')
    .description("fit the attribution score's coefficients to replayed runs; prints them as JSON for main/engine/fusion/options.ts")
    .action((dirs: string[]) => {
      const rows = dirs.flatMap((dir) => {
        const r = attributionRows(dir);
        console.error(`${dir}: ${r.length} attributed events`);
        return r;
      });
      const fit = fitAttribution(rows);
      console.error(`fitted on ${fit.events} events: ${(fit.accuracy * 100).toFixed(2)} % right, mean log-probability of the truth ${fit.logLikelihood.toFixed(4)}`);
      for (const b of fit.calibration) console.error(`  winner's probability ≥ ${b.atLeast.toFixed(2)}: ${b.events} events, ${b.right} right`);
      console.log(JSON.stringify(fit));
    });
}
