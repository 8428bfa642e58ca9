import { describe, expect, it } from 'vitest';
import { detectorOptionsFromEnv } from './detector-config';

describe('detectorOptionsFromEnv', () => {
  it('reads the model, provider, threads and models folder', () => {
    expect(detectorOptionsFromEnv({ WALKOUT_DETECTOR_MODEL: 'light_person_detector', WALKOUT_EXECUTION_PROVIDER: 'cuda', WALKOUT_DETECTOR_THREADS: '4', WALKOUT_MODELS_DIR: '/opt/models' })).toEqual({
      model: 'light_person_detector',
      executionProvider: 'cuda',
      threads: 4,
      modelsDir: '/opt/models',
    });
    expect(detectorOptionsFromEnv({})).toEqual({});
  });

  it('refuses a provider or thread count it cannot use, naming the variable', () => {
    expect(() => detectorOptionsFromEnv({ WALKOUT_EXECUTION_PROVIDER: 'tpu' })).toThrow(/WALKOUT_EXECUTION_PROVIDER must be one of cpu, cuda, dml/);
    expect(() => detectorOptionsFromEnv({ WALKOUT_DETECTOR_THREADS: 'many' })).toThrow(/WALKOUT_DETECTOR_THREADS must be a whole number/);
  });
});
