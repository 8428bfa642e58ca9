// Keeps track ids from piling up on each other: the canvas is divided into rows one label high and
// columns a few pixels wide, and a label is drawn only where its span of a row is still free. In a
// crowd, shoppers further down the list go unlabelled rather than unreadable (their dots still
// show, and a click still picks them); it also spares the canvas drawing labels nobody can read.
// Reused from frame to frame: no allocation once the canvas size is known.
export const LABEL_ROW_PX = 16;
const COLUMN_PX = 4;

export class LabelGrid {
  private cells = new Uint8Array(0);
  private columns = 0;
  private rows = 0;

  /** Frees every cell for a canvas of this size (CSS px). */
  reset(width: number, height: number): void {
    this.columns = Math.max(1, Math.ceil(width / COLUMN_PX));
    this.rows = Math.max(1, Math.ceil(height / LABEL_ROW_PX));
    const size = this.columns * this.rows;
    if (this.cells.length < size) this.cells = new Uint8Array(size);
    else this.cells.fill(0, 0, size);
  }

  /**
   * Takes the span [left, right) of the row holding `y`, if it is free and on the canvas; true when
   * taken. Spans off the canvas are not tracked (nothing is drawn there worth keeping apart).
   */
  claim(left: number, right: number, y: number): boolean {
    const row = Math.floor(y / LABEL_ROW_PX);
    if (row < 0 || row >= this.rows) return true;
    const from = Math.max(0, Math.floor(left / COLUMN_PX));
    const to = Math.min(this.columns - 1, Math.floor((right - 1) / COLUMN_PX));
    const base = row * this.columns;
    for (let c = from; c <= to; c++) if (this.cells[base + c]) return false;
    for (let c = from; c <= to; c++) this.cells[base + c] = 1;
    return true;
  }
}
