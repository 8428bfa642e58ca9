// Payment by file export: one JSON line per message appended to a file that a billing system picks
// up, each line fsync'd before it counts as delivered. Idempotent like the webhook's receiver: the
// ids already in the file are read at first use, and a message whose id is there is not written
// again (a crash between the fsync and the outbox marking it delivered resends it). A last line cut
// off by a crash mid-write was never reported delivered, so it is cut away; any other line that is
// not JSON stops the export with the file and line named, and messages wait in the outbox.
import fs from 'node:fs';
import path from 'node:path';
import type { DeliveryOutcome, PaymentAdapter } from './payment-adapter';
import type { PaymentMessage } from './payment-message';

interface OpenExport {
  fd: number;
  /** id → line number (1-based). */
  ids: Map<string, number>;
  lines: number;
}

export function createFileExportAdapter(options: { path: string; log?: (line: string) => void }): PaymentAdapter {
  const file = path.resolve(options.path);
  let open: OpenExport | undefined;

  function openExport(): OpenExport {
    if (open) return open;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const created = !fs.existsSync(file);
    const fd = fs.openSync(file, 'a+');
    try {
      const text = fs.readFileSync(fd, 'utf8');
      const end = text.lastIndexOf('\n') + 1;
      if (end < text.length) {
        // A torn last line: never fsync'd as a whole, so never reported delivered.
        fs.ftruncateSync(fd, Buffer.byteLength(text.slice(0, end)));
        fs.fsyncSync(fd);
        options.log?.(`walkout: payments export ${file}: cut off an incomplete last line (${text.length - end} characters) left by a crash`);
      }
      const ids = new Map<string, number>();
      const lines = text.slice(0, end).split('\n').slice(0, -1);
      lines.forEach((line, i) => {
        let id: unknown;
        try {
          id = (JSON.parse(line) as { id?: unknown }).id;
        } catch {
          throw new Error(`payments export ${file}: line ${i + 1} is not JSON; move the file aside or repair that line`);
        }
        if (typeof id !== 'string') throw new Error(`payments export ${file}: line ${i + 1} has no "id"`);
        ids.set(id, i + 1);
      });
      if (created) syncDirectory(path.dirname(file));
      open = { fd, ids, lines: lines.length };
      return open;
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  return {
    name: `file ${file}`,
    async deliver(message: PaymentMessage): Promise<DeliveryOutcome> {
      let target: OpenExport;
      try {
        target = openExport();
      } catch (error) {
        return { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
      }
      const seen = target.ids.get(message.id);
      if (seen !== undefined) return { ok: true, reference: `${file}:${seen}` };
      const line = Buffer.from(`${JSON.stringify(message)}\n`);
      const sizeBefore = fs.fstatSync(target.fd).size;
      try {
        const written = fs.writeSync(target.fd, line);
        if (written !== line.length) throw new Error(`wrote ${written} of ${line.length} bytes`);
        fs.fsyncSync(target.fd);
      } catch (error) {
        // Leave no half line behind (disk full), and start afresh next time: the descriptor may be unusable.
        try {
          fs.ftruncateSync(target.fd, sizeBefore);
        } finally {
          fs.closeSync(target.fd);
          open = undefined;
        }
        return { ok: false, retryable: true, error: `payments export ${file}: ${error instanceof Error ? error.message : String(error)}` };
      }
      target.lines++;
      target.ids.set(message.id, target.lines);
      return { ok: true, reference: `${file}:${target.lines}` };
    },
    close() {
      if (open) fs.closeSync(open.fd);
      open = undefined;
    },
  };
}

/** A new file's directory entry must reach the disk too, or a power cut can lose the whole file. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a directory; NTFS journals the entry itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
