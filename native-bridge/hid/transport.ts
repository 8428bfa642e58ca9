// The seam between HID protocol code and the native library. Decoders and readers depend on this
// interface only, so they run and are tested without node-hid (which loads lazily and may be
// missing on a simulator-only store); the node-hid adapter implements it later.
//
// Convention: every report crosses this boundary with its report id as byte 0, in both directions.
// node-hid strips or keeps the id depending on the OS and on whether the device numbers its
// reports; the adapter normalises that so protocol code never has to.

/** Why a transport stopped delivering reports. */
export interface HidCloseInfo {
  /** 'closed': the host closed it. 'disconnected': the device went away or the OS reported an error. */
  reason: 'closed' | 'disconnected';
  detail: string;
}

export type Unsubscribe = () => void;

export interface HidTransport {
  /** Input reports as they arrive (report id first). Returns a function that removes the listener. */
  onReport(listener: (report: Uint8Array) => void): Unsubscribe;
  /** Send an output report (report id first). */
  write(outputReport: Uint8Array): Promise<void>;
  /** Read feature report `id`; `length` includes the id byte. The result starts with the id. */
  getFeatureReport(id: number, length: number): Promise<Uint8Array>;
  /** Send a feature report (report id first). */
  sendFeatureReport(bytes: Uint8Array): Promise<void>;
  /** Release the device. Idempotent; fires the close listeners with reason 'closed' once. */
  close(): Promise<void>;
  /** Fires once when the transport stops, whether closed by the host or unplugged. */
  onClose(listener: (info: HidCloseInfo) => void): Unsubscribe;
}

/** Hex dump for error messages: HID problems are diagnosed from the bytes, so show them. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

/** Parse '03 04 02 00 8C 09' (spaces optional) into bytes; used by fakes, tests and fixtures. */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new Error(`not a hex byte string: "${hex}"`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}
