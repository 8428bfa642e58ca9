// Person detection with onnxruntime-node: a model from the manifest, found on disk and checked
// against its sha256, run on the CPU unless CUDA (Linux) or DirectML (Windows) is configured and
// available. Pre- and post-processing follow the manifest (letterbox.ts, yolox-decode.ts).
//
// onnxruntime-node's run() computes on the calling JavaScript thread (it is only deferred with
// setImmediate), so callers keep this class off the Electron main thread: the camera worker
// (main/devices/cameras) hosts it. Every failure is a DetectorError with a code the UI can show:
// the runtime or the model missing, a model that is not the manifest's, a corrupt frame.
import { performance } from 'node:perf_hooks';
import type * as OrtModule from 'onnxruntime-node';
import { LetterboxPreprocessor } from './letterbox';
import { checkModelFile, locateModel, missingModelMessage, modelSearchDirs } from './model-files';
import { defaultDetectorModel, findModel, type ModelEntry } from './model-manifest';
import { YoloxDecoder } from './yolox-decode';

// Types only: the module itself is loaded lazily (loadOnnxRuntime).
type Ort = typeof OrtModule;
type Session = OrtModule.InferenceSession;

export type ExecutionProvider = 'cpu' | 'cuda' | 'dml';
export type DetectorErrorCode = 'runtime-missing' | 'model-missing' | 'model-invalid' | 'corrupt-frame' | 'inference-failed';

export class DetectorError extends Error {
  override readonly name = 'DetectorError';
  constructor(
    readonly code: DetectorErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface DetectorOptions {
  /** A model name from models/manifest.json; default yolox_nano. */
  model?: string;
  /** Searched before WALKOUT_MODELS_DIR, models/ and ../shared/models. */
  modelsDir?: string;
  /** False: search modelsDir only. */
  searchDefaults?: boolean;
  executionProvider?: ExecutionProvider;
  /** onnxruntime intra-op threads; default 2. */
  threads?: number;
  /**
   * Let onnxruntime's threads spin while waiting for work (its own default). Off here: on a
   * computer the detector shares with the app and other cameras, spinning burns the cores the
   * other threads need; measured on the 2-core development machine under load, turning it off
   * more than halved both the inference time and the CPU it used.
   */
  spinning?: boolean;
  scoreThreshold?: number;
}

export interface Detections {
  /** (x, y, w, h, score) per person, frame pixels, best first. */
  boxes: Float32Array;
  count: number;
  preMs: number;
  inferMs: number;
  postMs: number;
}

let ortPromise: Promise<Ort> | null = null;

/** onnxruntime-node, loaded on first use so a store without it still starts. */
export function loadOnnxRuntime(): Promise<Ort> {
  ortPromise ??= import('onnxruntime-node').then(
    (mod) => ((mod as { default?: Ort }).default ?? mod) as Ort,
    (error: unknown) => {
      ortPromise = null;
      throw new DetectorError('runtime-missing', `onnxruntime-node could not be loaded (${(error as Error).message}); run npm install`);
    },
  );
  return ortPromise;
}

export class PersonDetector {
  private busy = false;
  private readonly pre: LetterboxPreprocessor;
  private readonly decoder: YoloxDecoder;

  private constructor(
    private readonly ort: Ort,
    private readonly session: Session,
    readonly model: ModelEntry,
    readonly path: string,
    /** The provider the session really runs on. */
    readonly provider: ExecutionProvider,
    /** Why the configured provider is not the one in use, if it is not. */
    readonly providerNote: string | null,
    options: DetectorOptions,
  ) {
    this.pre = new LetterboxPreprocessor(model);
    this.decoder = new YoloxDecoder(model, options);
  }

  static async load(options: DetectorOptions = {}): Promise<PersonDetector> {
    const model = findModel(options.model ?? defaultDetectorModel);
    const dirs = modelSearchDirs(options.modelsDir, { defaults: options.searchDefaults ?? true });
    const path = locateModel(model, dirs);
    if (!path) throw new DetectorError('model-missing', missingModelMessage(model, dirs));
    const problem = await checkModelFile(path, model);
    if (problem) throw new DetectorError('model-invalid', problem);
    const ort = await loadOnnxRuntime();
    const wanted = options.executionProvider ?? 'cpu';
    const threads = options.threads ?? 2;
    const create = (provider: ExecutionProvider) =>
      ort.InferenceSession.create(path, {
        executionProviders: provider === 'cpu' ? ['cpu'] : [provider, 'cpu'],
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
        extra: { session: { intra_op: { allow_spinning: options.spinning ? '1' : '0' }, inter_op: { allow_spinning: options.spinning ? '1' : '0' } } },
        // A missing GPU provider is answered below with a note; onnxruntime need not also log it.
        logSeverityLevel: provider === 'cpu' ? 2 : 4,
      });
    let session: Session;
    let provider = wanted;
    let note: string | null = null;
    try {
      session = await create(wanted);
    } catch (error) {
      if (wanted === 'cpu') throw new DetectorError('model-invalid', `${path}: onnxruntime could not load it (${(error as Error).message})`);
      note = `${wanted} is not available here (${(error as Error).message.split('\n')[0]}); running on the CPU`;
      provider = 'cpu';
      try {
        session = await create('cpu');
      } catch (cpuError) {
        throw new DetectorError('model-invalid', `${path}: onnxruntime could not load it (${(cpuError as Error).message})`);
      }
    }
    checkSignature(session, model, path);
    return new PersonDetector(ort, session, model, path, provider, note, options);
  }

  /** People in one rgb24 frame. One call at a time: the input tensor is reused. */
  async detect(rgb: Uint8Array, width: number, height: number): Promise<Detections> {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 2 || height < 2 || width > 8192 || height > 8192) {
      throw new DetectorError('corrupt-frame', `frame of ${width}×${height} pixels cannot be a camera frame`);
    }
    if (rgb.length !== width * height * 3) {
      throw new DetectorError('corrupt-frame', `frame has ${rgb.length} bytes, ${width}×${height} rgb24 needs ${width * height * 3}`);
    }
    if (this.busy) throw new Error('PersonDetector.detect: called again before the previous detection finished');
    this.busy = true;
    try {
      const t0 = performance.now();
      const box = this.pre.run(rgb, width, height);
      const input = new this.ort.Tensor('float32', this.pre.tensor, this.model.input.shape);
      const t1 = performance.now();
      let output: Float32Array;
      try {
        const result = await this.session.run({ [this.model.input.name]: input });
        output = result[this.model.output.name]!.data as Float32Array;
      } catch (error) {
        throw new DetectorError('inference-failed', `inference failed: ${(error as Error).message}`);
      }
      const t2 = performance.now();
      const boxes = this.decoder.decode(output, box, width, height);
      const t3 = performance.now();
      return { boxes, count: boxes.length / 5, preMs: t1 - t0, inferMs: t2 - t1, postMs: t3 - t2 };
    } finally {
      this.busy = false;
    }
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

/** The file must have the manifest's input and output names and shapes, or its output is misread. */
function checkSignature(session: Session, model: ModelEntry, path: string): void {
  const describe = (meta: readonly unknown[]) => JSON.stringify(meta.map((m) => ({ name: (m as { name: string }).name, shape: (m as { shape?: unknown }).shape })));
  const input = session.inputMetadata.find((m) => m.name === model.input.name) as { shape?: readonly unknown[] } | undefined;
  const output = session.outputMetadata.find((m) => m.name === model.output.name) as { shape?: readonly unknown[] } | undefined;
  const same = (a: readonly unknown[] | undefined, b: readonly number[]) => a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
  if (!same(input?.shape, model.input.shape) || !same(output?.shape, model.output.shape)) {
    throw new DetectorError(
      'model-invalid',
      `${path}: inputs ${describe(session.inputMetadata)} and outputs ${describe(session.outputMetadata)} are not the manifest's ${model.input.name} ${JSON.stringify(model.input.shape)} → ${model.output.name} ${JSON.stringify(model.output.shape)}`,
    );
  }
}
