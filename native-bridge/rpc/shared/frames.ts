// The wire format of the WebSocket and in-memory transports: birpc's request/response frames as
// JSON text, with errors carried as `ApiErrorBody` (a thrown Error does not survive JSON), plus one
// frame of our own, `x`, for a message the receiver could not even read (it has no call id).
import { z } from 'zod';
import { ApiError, type ApiErrorBody } from '../../contract/errors';

const requestFrame = z.object({
  t: z.literal('q'),
  i: z.string().max(64).optional(),
  m: z.string().min(1).max(64),
  a: z.array(z.unknown()).max(4),
  o: z.boolean().optional(),
});
const responseFrame = z.object({ t: z.literal('s'), i: z.string().max(64), r: z.unknown().optional(), e: z.unknown().optional() });
const unreadableFrame = z.object({ t: z.literal('x'), e: z.unknown() });
const frameSchema = z.discriminatedUnion('t', [requestFrame, responseFrame, unreadableFrame]);

export type Frame = z.infer<typeof frameSchema>;

/** The frame the receiver sends back when a message is not valid JSON or not a frame at all. */
export function unreadableMessageFrame(problem: string): string {
  const body: ApiErrorBody = { code: 'malformed_message', message: `malformed message: ${problem}` };
  return JSON.stringify({ t: 'x', e: body });
}

export type ParsedFrame = { ok: true; frame: Frame } | { ok: false; problem: string };

export function parseFrame(text: string): ParsedFrame {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not valid JSON' };
  }
  const result = frameSchema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    return { ok: false, problem: `not an RPC frame${where}: ${first?.message ?? 'unexpected shape'}` };
  }
  return { ok: true, frame: result.data };
}

/** birpc's `serialize`: errors become `ApiErrorBody` so the other side can rebuild an ApiError. */
export function serializeFrame(frame: Record<string, unknown>): string {
  if (frame.e !== undefined) return JSON.stringify({ ...frame, e: toApiError(frame.e).toBody() });
  return JSON.stringify(frame);
}

/** birpc's `deserialize` for frames already checked by `parseFrame`. */
export function reviveFrame(frame: Frame): Frame {
  if (frame.t === 's' && frame.e !== undefined) return { ...frame, e: ApiError.fromBody(frame.e) };
  return frame;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof Error) {
    const notFound = /^\[birpc\] function "(.*)" not found$/.exec(error.message);
    if (notFound) return new ApiError('unknown_method', `unknown method "${notFound[1]}"`);
    return new ApiError('internal', error.message);
  }
  return ApiError.fromBody(error);
}
