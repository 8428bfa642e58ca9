// The detector's settings from the environment, read once by the composition root:
// WALKOUT_DETECTOR_MODEL (a name in models/manifest.json), WALKOUT_EXECUTION_PROVIDER (cpu, cuda,
// dml), WALKOUT_DETECTOR_THREADS, and WALKOUT_MODELS_DIR (where weights are looked for first).
import type { DetectorOptions, ExecutionProvider } from '../../../native-bridge/onnx/person-detector';

const providers: readonly ExecutionProvider[] = ['cpu', 'cuda', 'dml'];

export function detectorOptionsFromEnv(env: NodeJS.ProcessEnv): DetectorOptions {
  const options: DetectorOptions = {};
  if (env.WALKOUT_DETECTOR_MODEL) options.model = env.WALKOUT_DETECTOR_MODEL;
  if (env.WALKOUT_MODELS_DIR) options.modelsDir = env.WALKOUT_MODELS_DIR;
  const provider = env.WALKOUT_EXECUTION_PROVIDER as ExecutionProvider | undefined;
  if (provider) {
    if (!providers.includes(provider)) throw new Error(`WALKOUT_EXECUTION_PROVIDER must be one of ${providers.join(', ')} (got "${provider}")`);
    options.executionProvider = provider;
  }
  const threads = Number(env.WALKOUT_DETECTOR_THREADS);
  if (env.WALKOUT_DETECTOR_THREADS && (!Number.isInteger(threads) || threads < 1 || threads > 64)) {
    throw new Error(`WALKOUT_DETECTOR_THREADS must be a whole number from 1 to 64 (got "${env.WALKOUT_DETECTOR_THREADS}")`);
  }
  if (env.WALKOUT_DETECTOR_THREADS) options.threads = threads;
  return options;
}
