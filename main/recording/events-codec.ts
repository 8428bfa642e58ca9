// Discrete events (gate scans and passages, device status, staff actions): a few a second for a
// whole store, so the format favours being obviously right over being tiny. The batch row's
// source is the gate, device or acting staff member, so it is not repeated in the payload.
//
// Body (format version 1):
//   varint events
//   per event: time, then
//     gate-scan:     string token
//     gate-passage:  nothing
//     device-status: varint (state × 2 + hasDetail), [string detail]   state: online 0, offline 1, error 2
//     staff-action:  u8 action, then for restock-start 0 and restock-end 1: string fixture;
//                    for age-checked 2 (added later; older recordings never hold it): string session id
//   strings are a varint byte length, then UTF-8
import type { DeviceState, DeviceStatus, GatePassage, GateScan, StaffAction } from '../engine/inputs';
import type { ByteReader, ByteWriter } from './bytes';
import { PayloadProblem } from './errors';
import { TimeReader, TimeWriter, maxAbsTimeMs } from './time-coding';

export type EventInput = GateScan | GatePassage | DeviceStatus | StaffAction;
export type EventKind = EventInput['kind'];

const deviceStates: readonly DeviceState[] = ['online', 'offline', 'error'];
// Codes are positions: append only.
const staffActions: readonly StaffAction['action'][] = ['restock-start', 'restock-end', 'age-checked'];

export function checkEvent(input: EventInput): void {
  if (!(Math.abs(input.t) <= maxAbsTimeMs)) throw new RangeError(`${input.kind}: t must be a finite time (got ${input.t})`);
  switch (input.kind) {
    case 'gate-scan':
      if (typeof input.token !== 'string') throw new TypeError(`gate-scan at ${input.gate}: token must be a string`);
      break;
    case 'gate-passage':
      break;
    case 'device-status':
      if (!deviceStates.includes(input.state)) throw new TypeError(`device-status of ${input.device}: unknown state "${String(input.state)}"`);
      if (input.detail !== undefined && typeof input.detail !== 'string') {
        throw new TypeError(`device-status of ${input.device}: detail must be a string when present`);
      }
      break;
    case 'staff-action':
      if (!staffActions.includes(input.action)) throw new TypeError(`staff-action by ${input.actor}: unknown action "${String(input.action)}"`);
      if (input.action === 'age-checked') {
        if (typeof input.sessionId !== 'string') throw new TypeError(`staff-action by ${input.actor}: age-checked needs a session id string`);
      } else if (typeof input.fixture !== 'string') throw new TypeError(`staff-action by ${input.actor}: fixture must be a string`);
      break;
  }
}

/** Holds one source's events (copies: callers may reuse theirs) until the batch is sealed. */
export class EventBodyEncoder {
  count = 0;
  private events: EventInput[] = [];
  private readonly time = new TimeWriter();

  get inputs(): number {
    return this.count;
  }

  get firstTime(): number {
    return this.events[0]!.t;
  }

  get lastTime(): number {
    return this.events[this.count - 1]!.t;
  }

  push(input: EventInput): void {
    this.events[this.count++] = { ...input };
  }

  reset(): void {
    this.count = 0;
    this.events.length = 0;
  }

  writeBody(out: ByteWriter, t0Ms: number): void {
    out.varint(this.count);
    this.time.begin(t0Ms);
    for (let i = 0; i < this.count; i++) {
      const event = this.events[i]!;
      this.time.write(out, event.t);
      switch (event.kind) {
        case 'gate-scan':
          out.string(event.token);
          break;
        case 'gate-passage':
          break;
        case 'device-status':
          out.varint(deviceStates.indexOf(event.state) * 2 + (event.detail === undefined ? 0 : 1));
          if (event.detail !== undefined) out.string(event.detail);
          break;
        case 'staff-action':
          out.u8(staffActions.indexOf(event.action));
          out.string(event.action === 'age-checked' ? event.sessionId : event.fixture);
          break;
      }
    }
  }
}

export function decodeEventBody(r: ByteReader, kind: EventKind, source: string, t0Ms: number, count: number): EventInput[] {
  const n = r.varint('event count');
  if (n !== count) throw new PayloadProblem(`holds ${n} events but the batch's count is ${count}`);
  // Every event takes at least its time byte: refuse counts the bytes cannot hold before allocating.
  r.need(n, `${n} events`);
  const events: EventInput[] = new Array(n);
  const time = new TimeReader();
  time.begin(t0Ms);
  for (let i = 0; i < n; i++) {
    const t = time.read(r, `event ${i} time`);
    switch (kind) {
      case 'gate-scan':
        events[i] = { kind, gate: source, t, token: r.string(`event ${i} token`) };
        break;
      case 'gate-passage':
        events[i] = { kind, gate: source, t };
        break;
      case 'device-status': {
        const code = r.varint(`event ${i} state`);
        const state = deviceStates[Math.floor(code / 2)];
        if (state === undefined) throw new PayloadProblem(`event ${i} has an unknown device state code ${code}`);
        const status: DeviceStatus = { kind, device: source, t, state };
        if (code % 2 === 1) status.detail = r.string(`event ${i} detail`);
        events[i] = status;
        break;
      }
      case 'staff-action': {
        const code = r.u8(`event ${i} action`);
        const action = staffActions[code];
        if (action === undefined) throw new PayloadProblem(`event ${i} has an unknown staff action code ${code}`);
        events[i] =
          action === 'age-checked'
            ? { kind, t, actor: source, action, sessionId: r.string(`event ${i} session id`) }
            : { kind, t, actor: source, action, fixture: r.string(`event ${i} fixture`) };
        break;
      }
    }
  }
  return events;
}
