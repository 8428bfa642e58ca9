// The models Walkout can use, as listed in models/manifest.json: where each comes from, the bytes
// it must have (sha256), its licence, and how its input is prepared and its output read. The
// detector is driven by these fields, so a model card and the code cannot disagree silently.
import { z } from 'zod';
import manifestJson from '../../models/manifest.json' with { type: 'json' };

const tensorSchema = z.object({
  name: z.string().min(1),
  shape: z.array(z.number().int().positive()),
  type: z.literal('float32'),
});

export const modelEntrySchema = z.object({
  name: z.string().regex(/^[a-z0-9_]+$/),
  task: z.literal('person-detection'),
  file: z.string().regex(/^[\w.-]+\.onnx$/),
  sizeBytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  licence: z.string().min(1),
  sourceUrl: z.string().url(),
  origin: z.string(),
  input: tensorSchema.extend({ layout: z.literal('NCHW'), shape: z.tuple([z.literal(1), z.literal(3), z.number().int().positive(), z.number().int().positive()]) }),
  output: tensorSchema.extend({ shape: z.tuple([z.literal(1), z.number().int().positive(), z.number().int().positive()]) }),
  preprocess: z.object({
    channelOrder: z.enum(['bgr', 'rgb']),
    valueRange: z.tuple([z.literal(0), z.union([z.literal(255), z.literal(1)])]),
    letterbox: z.literal('top-left'),
    resize: z.literal('bilinear'),
    padValue: z.number().min(0).max(255),
  }),
  postprocess: z.object({
    decoder: z.literal('yolox'),
    strides: z.array(z.number().int().positive()).min(1),
    classes: z.number().int().positive(),
    personClass: z.number().int().nonnegative(),
    scoreThreshold: z.number().min(0).max(1),
    nmsIou: z.number().min(0).max(1),
  }),
  card: z.string(),
});

export type ModelEntry = z.infer<typeof modelEntrySchema>;

export const manifestSchema = z.object({ models: z.array(modelEntrySchema).min(1) }).superRefine((manifest, ctx) => {
  manifest.models.forEach((m, i) => {
    const [, , h, w] = m.input.shape;
    const points = m.postprocess.strides.reduce((sum, s) => sum + (h / s) * (w / s), 0);
    if (m.output.shape[1] !== points) ctx.addIssue({ code: 'custom', path: ['models', i, 'output', 'shape'], message: `${points} grid points expected for the strides` });
    if (m.output.shape[2] !== 5 + m.postprocess.classes) ctx.addIssue({ code: 'custom', path: ['models', i, 'output', 'shape'], message: `rows of 5 + ${m.postprocess.classes} classes expected` });
  });
});

export const modelManifest: readonly ModelEntry[] = manifestSchema.parse(manifestJson).models;

/** The detector used unless configured otherwise: the model cards' recommendation. */
export const defaultDetectorModel = 'yolox_nano';

export function findModel(name: string): ModelEntry {
  const entry = modelManifest.find((m) => m.name === name);
  if (!entry) throw new Error(`no model named "${name}" in models/manifest.json (known: ${modelManifest.map((m) => m.name).join(', ')})`);
  return entry;
}
