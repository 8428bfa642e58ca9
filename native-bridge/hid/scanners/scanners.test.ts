import { describe, expect, it } from 'vitest';
import { FakeHidTransport } from '../fake-transport';
import { fromHex } from '../transport';
import { createScannerReader, hidPosReports, keyboardWedgeReports, type ScannedCode, type ScannerError, type ScannerKind } from './index';

// Shaped like an entry token: upper and lower case, digits, '.', '~', '%' and '-' (shifted keys among them).
const token = `WO1.acct%2D7~demo-store~1772442000000~1772442900000~Nonce-xY9~2.${'ab12cd34'.repeat(8)}`;

function setup(kind: ScannerKind, timing = {}) {
  const fake = new FakeHidTransport();
  let clock = 1000;
  const reader = createScannerReader(kind, fake, () => clock, timing);
  const codes: ScannedCode[] = [];
  const errors: ScannerError[] = [];
  reader.onCode((code) => codes.push(code));
  reader.onError((error) => errors.push(error));
  /** Sends each report `stepMs` after the last. */
  const send = (reports: Uint8Array[], stepMs = 2) => {
    for (const report of reports) {
      fake.emit(report);
      clock += stepMs;
    }
  };
  return { fake, reader, codes, errors, send, wait: (ms: number) => (clock += ms) };
}

const key = (modifiers: number, ...usages: number[]) => Uint8Array.from([0, modifiers, 0, ...usages, ...new Array(6 - usages.length).fill(0)]);
const release = key(0);
const enter = [key(0, 0x28), release];

describe('keyboard-wedge scanner', () => {
  it('reads a token typed key by key, shifted characters included, stamped when its Enter came', () => {
    const s = setup('keyboard-wedge');
    const reports = keyboardWedgeReports(token);
    s.send(reports);
    // Two reports a key (press, release), 2 ms apart; the Enter press is the last but one.
    expect(s.codes).toEqual([{ text: token, t: 1000 + 2 * (reports.length - 2), startedMs: 1000, reports: token.length }]);
    expect(s.errors).toEqual([]);
    expect(s.reader.stats).toMatchObject({ codes: 1, malformedReports: 0, droppedCodes: 0 });
  });

  it('takes Shift sent on its own before the key, and the right Shift key', () => {
    const s = setup('keyboard-wedge');
    s.send(keyboardWedgeReports('A~b', { shiftFirst: true }));
    s.send([key(0x20, 0x04), release, key(0x20, 0x1f), release, ...enter]);
    expect(s.codes.map((c) => c.text)).toEqual(['A~b', 'A@']);
  });

  it('reads a repeated letter only when released in between, and a key pressed while another is held', () => {
    const s = setup('keyboard-wedge');
    // a (held) + b → "ab"; a, a held twice in a row → one a; release, a → another.
    s.send([key(0, 0x04), key(0, 0x04, 0x05), key(0, 0x04), key(0, 0x04), release, key(0, 0x04), release, ...enter]);
    expect(s.codes.map((c) => c.text)).toEqual(['aba']);
  });

  it('ends a code on keypad Enter, types keypad digits, and ignores a bare Enter', () => {
    const s = setup('keyboard-wedge');
    s.send([...enter, key(0, 0x59), release, key(0, 0x62), release, key(0, 0x58), release]);
    expect(s.codes.map((c) => c.text)).toEqual(['10']);
  });

  it('refuses a report of the wrong size or id, naming its bytes, and drops the code it was part of', () => {
    const s = setup('keyboard-wedge');
    s.send(keyboardWedgeReports('abc').slice(0, 2));
    s.fake.emit(fromHex('00 00 00 05 00'));
    s.fake.emit(fromHex('01 00 00 06 00 00 00 00 00'));
    s.send(keyboardWedgeReports('abc').slice(2));
    s.send(keyboardWedgeReports('next'));
    expect(s.errors.map((e) => [e.kind, e.message])).toEqual([
      ['malformed-report', 'keyboard report of 5 bytes, expected 9 (00 00 00 05 00)'],
      ['malformed-report', 'report id 1, expected 0 (01 00 00 06 00 00 00 00 00)'],
      ['unreadable-code', expect.stringMatching(/^code dropped: a report in it was malformed/)],
    ]);
    expect(s.codes.map((c) => c.text)).toEqual(['next']);
    expect(s.reader.stats).toMatchObject({ malformedReports: 2, droppedCodes: 1, codes: 1 });
  });

  it('drops a code hit by key rollover, Ctrl, or a key no US layout types', () => {
    const s = setup('keyboard-wedge');
    s.send([key(0, 0x04), key(0, 1, 1, 1, 1, 1, 1), release, ...enter]);
    s.send([key(0, 0x04), release, key(0x01, 0x06), release, ...enter]);
    s.send([key(0, 0x04), release, key(0, 0x3a), release, ...enter]);
    expect(s.codes).toEqual([]);
    expect(s.errors.map((e) => e.message)).toEqual([
      'code dropped: key rollover error',
      'code dropped: key 0x6 pressed with Ctrl, Alt or GUI (00 01 00 06 00 00 00 00 00)',
      'code dropped: key 0x3a types nothing on a US layout (00 00 00 3A 00 00 00 00 00)',
    ]);
  });

  it('abandons a code with no Enter in time and reads the next one whole', () => {
    const s = setup('keyboard-wedge');
    s.send(keyboardWedgeReports('lost').slice(0, 4));
    s.wait(600);
    s.send(keyboardWedgeReports('found'));
    expect(s.errors.map((e) => [e.kind, e.message])).toEqual([['incomplete-code', 'no end of code within 500 ms']]);
    expect(s.codes.map((c) => c.text)).toEqual(['found']);
  });

  it('drops a code longer than the limit', () => {
    const s = setup('keyboard-wedge', { maxLength: 5 });
    s.send(keyboardWedgeReports('abcdefgh'));
    s.send(keyboardWedgeReports('abc'));
    expect(s.errors.map((e) => e.message)).toEqual(['code dropped: longer than 5']);
    expect(s.codes.map((c) => c.text)).toEqual(['abc']);
  });

  it('reports a scanner unplugged mid-code, and closes', () => {
    const s = setup('keyboard-wedge');
    const closed: string[] = [];
    s.reader.onClose((info) => closed.push(info.reason));
    s.send(keyboardWedgeReports('half').slice(0, 3));
    s.fake.unplug('cable pulled');
    expect(s.errors.map((e) => [e.kind, e.message])).toEqual([['incomplete-code', 'the scanner went away mid-code (disconnected: cable pulled)']]);
    expect(closed).toEqual(['disconnected']);
  });
});

describe('HID POS barcode scanner', () => {
  it('reads a code in one Scanned Data Report with its symbology', () => {
    const s = setup('hid-pos');
    s.send(hidPosReports('HELLO-42'));
    expect(s.codes).toEqual([{ text: 'HELLO-42', symbology: ']Q1', t: 1000, startedMs: 1000, reports: 1 }]);
  });

  it('joins a token spread over continued reports', () => {
    const s = setup('hid-pos');
    const reports = hidPosReports(token);
    expect(reports.length).toBe(Math.ceil(token.length / 56));
    expect(reports.map((r) => r[63])).toEqual([...new Array(reports.length - 1).fill(1), 0]);
    s.send(reports);
    expect(s.codes.map((c) => [c.text, c.reports, c.t - c.startedMs])).toEqual([[token, reports.length, 2 * (reports.length - 1)]]);
  });

  it('decodes the bytes as a scanner sends them: length byte, AIM id, CR LF suffix, no symbology', () => {
    const s = setup('hid-pos');
    const report = new Uint8Array(64);
    report.set([0x02, 6, 0, 0, 0, ...new TextEncoder().encode('1234\r\n')]);
    s.send([report]);
    expect(s.codes).toEqual([{ text: '1234', t: 1000, startedMs: 1000, reports: 1 }]);
  });

  it('refuses malformed reports with their bytes and drops a code that lost a continuation', () => {
    const s = setup('hid-pos');
    const [first, second, third] = hidPosReports('x'.repeat(150));
    s.fake.emit(new Uint8Array(0));
    s.fake.emit(fromHex('04 01 02'));
    s.fake.emit(Uint8Array.from({ length: 64 }, (_, i) => (i === 0 ? 2 : i === 1 ? 57 : 0)));
    s.send([first!]);
    s.fake.emit(second!.subarray(0, 40));
    s.send([third!]);
    s.send(hidPosReports('ok'));
    expect(s.errors.map((e) => e.message.split(' (')[0])).toEqual([
      'empty report',
      'report id 0x4 is not a Scanned Data Report',
      'data length 57, at most 56',
      'scanned data report of 40 bytes, expected 64',
      expect.stringMatching(/^code dropped: a report in it was malformed/),
    ]);
    expect(s.codes.map((c) => c.text)).toEqual(['ok']);
  });

  it('drops a code whose continuation changes symbology, and one left unfinished', () => {
    const s = setup('hid-pos');
    const [first, second] = hidPosReports('y'.repeat(80), ']Q1');
    second!.set([0x5d, 0x43, 0x30], 2);
    s.send([first!, second!]);
    s.send([hidPosReports('z'.repeat(80))[0]!]);
    s.wait(700);
    s.send(hidPosReports('fine'));
    expect(s.errors.map((e) => e.kind)).toEqual(['unreadable-code', 'incomplete-code']);
    expect(s.codes.map((c) => c.text)).toEqual(['fine']);
  });
});
