// Keyboard-wedge scanners: the scanner is a USB keyboard that "types" each code and presses Enter.
// Reports are boot-protocol keyboard input reports (HID 1.11 appendix B.1: modifier byte, reserved
// byte, six key slots holding Keyboard/Keypad page usages), with the report id first as the
// transport convention has it (0 for keyboards that do not number their reports). Reports carry
// the keys held down, not key presses, so a character is a key that appears in a report after one
// without it; a scanner typing "aa" must release between the two. US layout, as scanners ship.
import { toHex, type HidTransport } from '../transport';
import { ScannerError, ScannerReaderBase, type ScannerTiming } from './scanner';

export const BOOT_KEYBOARD_REPORT_LENGTH = 8;

const LEFT_SHIFT = 0x02;
const RIGHT_SHIFT = 0x20;
/** Ctrl, Alt and GUI, left and right: no printable character is typed with these held. */
const NON_SHIFT_MODIFIERS = 0xff & ~(LEFT_SHIFT | RIGHT_SHIFT);
const ERROR_ROLL_OVER = 0x01;
const ENTER = 0x28;
const KEYPAD_ENTER = 0x58;

/** Keyboard/Keypad page usage → [unshifted, shifted] character on a US layout. */
const US_LAYOUT = new Map<number, readonly [string, string]>();
for (let i = 0; i < 26; i++) US_LAYOUT.set(0x04 + i, [String.fromCharCode(97 + i), String.fromCharCode(65 + i)]);
'1234567890'.split('').forEach((digit, i) => US_LAYOUT.set(0x1e + i, [digit, '!@#$%^&*()'[i]!]));
const punctuation: [number, string, string][] = [
  [0x2b, '\t', '\t'],
  [0x2c, ' ', ' '],
  [0x2d, '-', '_'],
  [0x2e, '=', '+'],
  [0x2f, '[', '{'],
  [0x30, ']', '}'],
  [0x31, '\\', '|'],
  [0x33, ';', ':'],
  [0x34, "'", '"'],
  [0x35, '`', '~'],
  [0x36, ',', '<'],
  [0x37, '.', '>'],
  [0x38, '/', '?'],
  [0x54, '/', '/'],
  [0x55, '*', '*'],
  [0x56, '-', '-'],
  [0x57, '+', '+'],
  [0x63, '.', '.'],
];
for (const [usage, plain, shifted] of punctuation) US_LAYOUT.set(usage, [plain, shifted]);
// Keypad 1–9 and 0 (a scanner in "keypad digits" mode types numbers there).
for (let i = 0; i < 10; i++) US_LAYOUT.set(0x59 + i, [String((i + 1) % 10), String((i + 1) % 10)]);

/** The usage and shift state that type `char` on a US layout (for encoders and fakes). */
export function usageForChar(char: string): { usage: number; shift: boolean } | undefined {
  for (const [usage, [plain, shifted]] of US_LAYOUT) {
    if (usage >= 0x54) break; // keypad keys duplicate main-block characters
    if (plain === char) return { usage, shift: false };
    if (shifted === char) return { usage, shift: true };
  }
  return undefined;
}

export interface KeyboardWedgeOptions extends ScannerTiming {
  /** The report id byte the transport puts first; 0 for a keyboard without report ids. */
  reportId?: number;
}

export class KeyboardWedgeReader extends ScannerReaderBase {
  readonly kind = 'keyboard-wedge' as const;
  private readonly reportId: number;
  private held = new Set<number>();
  private text = '';

  constructor(transport: HidTransport, now: () => number, options: KeyboardWedgeOptions = {}) {
    super(transport, now, options);
    this.reportId = options.reportId ?? 0;
  }

  protected get assembledLength(): number {
    return this.text.length;
  }

  protected resetCode(): void {
    this.text = '';
  }

  protected decode(report: Uint8Array, t: number): void {
    if (report.length !== 1 + BOOT_KEYBOARD_REPORT_LENGTH) {
      throw new ScannerError('malformed-report', `keyboard report of ${report.length} bytes, expected ${1 + BOOT_KEYBOARD_REPORT_LENGTH}`, report);
    }
    if (report[0] !== this.reportId) throw new ScannerError('malformed-report', `report id ${report[0]}, expected ${this.reportId}`, report);
    const modifiers = report[1]!;
    const slots = report.subarray(3);
    if (slots.includes(ERROR_ROLL_OVER)) {
      // The keyboard lost track of its keys: whatever it was typing has a hole in it.
      this.held = new Set();
      if (this.startedAt !== undefined) this.damaged('key rollover error');
      return;
    }
    const now = new Set<number>();
    for (const usage of slots) if (usage !== 0) now.add(usage);
    const pressed = [...now].filter((usage) => !this.held.has(usage));
    this.held = now;
    for (const usage of pressed) this.press(usage, modifiers, t, report);
  }

  private press(usage: number, modifiers: number, t: number, report: Uint8Array): void {
    if (usage === ENTER || usage === KEYPAD_ENTER) {
      // A bare Enter (nothing typed) is a key, not an empty code.
      if (this.startedAt !== undefined) this.complete(t, this.text);
      return;
    }
    this.touch(t);
    const chars = US_LAYOUT.get(usage);
    if (!chars) {
      this.damaged(`key 0x${usage.toString(16)} types nothing on a US layout (${toHex(report)})`);
      return;
    }
    if ((modifiers & NON_SHIFT_MODIFIERS) !== 0) {
      this.damaged(`key 0x${usage.toString(16)} pressed with Ctrl, Alt or GUI (${toHex(report)})`);
      return;
    }
    this.text += chars[(modifiers & (LEFT_SHIFT | RIGHT_SHIFT)) !== 0 ? 1 : 0];
  }
}
