// `walkout models …`: the models in models/manifest.json, where their weights are found and whether
// those are the right bytes; `fetch` downloads and verifies them on a machine with internet.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { fetchModel } from '../../../../native-bridge/onnx/model-fetch';
import { checkModelFile, locateModel, modelSearchDirs, projectModelsDir } from '../../../../native-bridge/onnx/model-files';
import { findModel, modelManifest } from '../../../../native-bridge/onnx/model-manifest';
import { progressReporter } from '../progress';

export function registerModels(program: Command): void {
  const models = program.command('models').description('the detector models: list them with where their weights are, fetch and verify them');

  models
    .command('list')
    .description('each model in models/manifest.json, its licence and source, and the weights found (sha256 checked)')
    .option('--models-dir <dir>', 'also look here first')
    .action(async (opts: { modelsDir?: string }) => {
      const dirs = modelSearchDirs(opts.modelsDir);
      let missing = 0;
      for (const m of modelManifest) {
        const path = locateModel(m, dirs);
        const problem = path ? await checkModelFile(path, m) : null;
        const state = !path ? 'missing' : problem ? 'WRONG FILE' : 'ok';
        if (!path || problem) missing++;
        console.log(`${m.name}: ${state}${path ? ` ${path}` : ''}`);
        console.log(`  ${m.file}, ${m.sizeBytes} bytes, sha256 ${m.sha256}, licence ${m.licence}`);
        console.log(`  input ${m.input.name} ${JSON.stringify(m.input.shape)} (${m.preprocess.channelOrder.toUpperCase()}, 0..${m.preprocess.valueRange[1]}, top-left letterbox, pad ${m.preprocess.padValue}); output ${m.output.name} ${JSON.stringify(m.output.shape)}`);
        console.log(`  source ${m.sourceUrl}`);
        if (problem) console.log(`  ${problem}`);
      }
      if (missing > 0) console.log(`\nsearched: ${dirs.join(', ')}; fetch with "walkout models fetch"`);
    });

  models
    .command('fetch')
    .description('download models from their source URLs into models/ (or --dir), keeping them only when the sha256 matches')
    .argument('[names...]', 'model names (default: all)')
    .option('--dir <dir>', 'where to put the weights', projectModelsDir)
    .option('--from <url>', 'download from this URL instead (a mirror, or a file:// copy); one model only')
    .action(async (names: string[], opts: { dir: string; from?: string }) => {
      const chosen = names.length > 0 ? names.map(findModel) : [...modelManifest];
      if (opts.from && chosen.length !== 1) throw new Error('--from names one file: give exactly one model name with it');
      for (const entry of chosen) {
        const progress = progressReporter();
        const fetched = await fetchModel(entry, {
          destDir: resolve(opts.dir),
          ...(opts.from ? { url: opts.from } : {}),
          onProgress: ({ received, total }) => progress(`${entry.name}: downloading`, received / total),
        });
        progress.end();
        console.log(`${entry.name}: ${fetched.alreadyPresent ? 'already there, verified' : 'downloaded and verified'} (sha256 ${entry.sha256}) → ${fetched.path}`);
      }
    });
}
