// Plates as the 2020 AutoCheckout data names them — gondola, shelf and plate numbers, from 1 — and
// the file and store-model ids that follow from them. Imported stores keep these numbers in their
// ids, so events can be reported in the competition's own terms.

export interface PlateAddress {
  gondola: number;
  shelf: number;
  plate: number;
}

const weightFilePattern = /^gondola_(\d+)_shelf_(\d+)_plate_(\d+)\.csv$/;

/** The address a weight file's name gives, or undefined when the name is not `gondola_G_shelf_S_plate_P.csv`. */
export function parseWeightFileName(name: string): PlateAddress | undefined {
  const match = weightFilePattern.exec(name);
  if (!match) return undefined;
  const [gondola, shelf, plate] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return gondola >= 1 && shelf >= 1 && plate >= 1 ? { gondola, shelf, plate } : undefined;
}

export function weightFileName({ gondola, shelf, plate }: PlateAddress): string {
  return `gondola_${gondola}_shelf_${shelf}_plate_${plate}.csv`;
}

export const fixtureId = (gondola: number): string => `gondola-${gondola}`;
export const shelfId = (a: Pick<PlateAddress, 'gondola' | 'shelf'>): string => `g${a.gondola}-s${a.shelf}`;
export const plateId = (a: PlateAddress): string => `g${a.gondola}-s${a.shelf}-p${a.plate}`;
/** The shelf controller a shelf's load cells are read by; the plate number is its channel. */
export const controllerSerial = (a: Pick<PlateAddress, 'gondola' | 'shelf'>): string => `AC-G${a.gondola}-S${a.shelf}`;

const plateIdPattern = /^g(\d+)-s(\d+)-p(\d+)$/;

/** The address in an imported plate id, or undefined for a plate id of any other store. */
export function addressOfPlateId(id: string): PlateAddress | undefined {
  const match = plateIdPattern.exec(id);
  return match ? { gondola: Number(match[1]), shelf: Number(match[2]), plate: Number(match[3]) } : undefined;
}

export const addressKey = (a: PlateAddress): string => `${a.gondola}/${a.shelf}/${a.plate}`;

export function compareAddresses(a: PlateAddress, b: PlateAddress): number {
  return a.gondola - b.gondola || a.shelf - b.shelf || a.plate - b.plate;
}
