// The product file of the 2020 AutoCheckout data: `Name,Gondola,Shelf,Plate,Weight,Price,Image`,
// one row per product and plate it sits on, -1 in Gondola, Shelf and Plate for a product with no
// place on the shelves. Rows of one product must agree on its weight and price. Every broken row is
// reported (up to a limit), each with its line.
import { csvRows, parseDecimal, parseWholeNumber } from './csv-rows';
import { FileProblem, type ImportProblem } from './import-errors';
import type { PlateAddress } from './plate-address';

export const productsHeader = ['Name', 'Gondola', 'Shelf', 'Plate', 'Weight', 'Price', 'Image'] as const;

export interface ProductRow {
  line: number;
  name: string;
  /** Undefined for a product with no place (-1). */
  address: PlateAddress | undefined;
  /** Grams per unit. */
  weightG: number;
  price: number;
  image: string;
}

/** Problems beyond this many are summed up in one line: a wholly wrong file needs no 10,000 lines. */
const MAX_PROBLEMS = 20;

export async function readProducts(path: string, label: string): Promise<{ rows: ProductRow[]; problems: ImportProblem[] }> {
  const rows: ProductRow[] = [];
  const problems: ImportProblem[] = [];
  let extra = 0;
  const first = new Map<string, ProductRow>();
  try {
    for await (const { line, fields } of csvRows(path, label, productsHeader)) {
      const row = parseRow(line, fields);
      const fault = typeof row === 'string' ? row : disagreement(row, first.get(row.name));
      if (fault !== undefined) {
        if (problems.length < MAX_PROBLEMS) problems.push({ file: label, line, message: fault });
        else extra++;
        continue;
      }
      const known = row as ProductRow;
      if (!first.has(known.name)) first.set(known.name, known);
      rows.push(known);
    }
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    problems.push(error.problem);
  }
  if (extra > 0) problems.push({ file: label, message: `${extra} more rows have problems` });
  if (problems.length === 0 && rows.length === 0) problems.push({ file: label, message: 'lists no products' });
  return { rows, problems };
}

function parseRow(line: number, fields: string[]): ProductRow | string {
  const [name, gondola, shelf, plate, weight, price, image] = fields as [string, string, string, string, string, string, string];
  if (name === '') return 'Name is empty';
  const numbers = [gondola, shelf, plate].map(parseWholeNumber);
  const [g, s, p] = numbers;
  if (g === undefined || s === undefined || p === undefined) {
    const column = productsHeader[1 + numbers.findIndex((n) => n === undefined)];
    return `${column} must be a whole number (got "${fields[productsHeader.indexOf(column!)]}")`;
  }
  const nowhere = g === -1 && s === -1 && p === -1;
  if (!nowhere && !(g >= 1 && s >= 1 && p >= 1)) return `Gondola, Shelf and Plate must all be 1 or more, or all -1 for a product with no place (got ${g}, ${s}, ${p})`;
  const weightG = parseDecimal(weight);
  if (weightG === undefined || !(weightG > 0)) return `Weight must be a positive number of grams (got "${weight}")`;
  const priceValue = parseDecimal(price);
  if (priceValue === undefined || priceValue < 0) return `Price must be a number, 0 or more (got "${price}")`;
  return { line, name, address: nowhere ? undefined : { gondola: g, shelf: s, plate: p }, weightG, price: priceValue, image };
}

/** A product's rows must agree: one product has one unit weight and one price. */
function disagreement(row: ProductRow, first: ProductRow | undefined): string | undefined {
  if (!first) return undefined;
  if (first.weightG !== row.weightG) return `"${row.name}" weighs ${row.weightG} g here but ${first.weightG} g on line ${first.line}`;
  if (first.price !== row.price) return `"${row.name}" costs ${row.price} here but ${first.price} on line ${first.line}`;
  return undefined;
}
