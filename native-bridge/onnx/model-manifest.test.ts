// models/manifest.json against the weights themselves: where a file is present, its size and
// sha256 are the manifest's; the shapes agree with the decoder's grid.
import { describe, expect, it } from 'vitest';
import { checkModelFile, locateModel, modelSearchDirs } from './model-files';
import { manifestSchema, modelManifest } from './model-manifest';

describe('the model manifest', () => {
  it.for(modelManifest.map((m) => [m.name, m] as const))('%s: the weights found have the manifest\'s size and sha256', async ([, entry], ctx) => {
    const path = locateModel(entry, modelSearchDirs());
    if (!path) ctx.skip(`skipped: ${entry.file} is in none of ${modelSearchDirs().join(', ')}`);
    expect(await checkModelFile(path!, entry)).toBeNull();
  });

  it('refuses an entry whose output does not match its strides and classes', () => {
    const [first] = modelManifest;
    const broken = { models: [{ ...first, output: { ...first!.output, shape: [1, 3548, 85] } }] };
    expect(manifestSchema.safeParse(broken).error?.issues[0]?.message).toBe('3549 grid points expected for the strides');
  });
});
