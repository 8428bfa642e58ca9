// Progress of long CLI jobs on stderr (stdout stays clean for JSON): an updating line on a
// terminal, a line per 10 % step when piped into a log.
export type Progress = (phase: string, done: number) => void;

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): Progress & { end(): void } {
  let lastPhase = '';
  let lastStep = -1;
  const report = ((phase: string, done: number) => {
    const percent = Math.max(0, Math.min(100, Math.floor(done * 100)));
    if (stream.isTTY) {
      stream.write(`\r\u001b[2K${phase} ${percent}%`);
      return;
    }
    const step = Math.floor(percent / 10);
    if (phase !== lastPhase || step !== lastStep) stream.write(`${phase} ${percent}%\n`);
    lastPhase = phase;
    lastStep = step;
  }) as Progress & { end(): void };
  report.end = () => {
    if (stream.isTTY) stream.write('\n');
  };
  return report;
}
