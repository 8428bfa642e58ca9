// The demo store's floor plan: a 17 m × 10 m convenience store. The front wall (y = 10) holds the
// entry and exit gates and a grab & go counter; coolers line the back wall, shelving the side
// walls, and nine double-sided gondolas stand in three rows with aisles of 1.25–1.3 m between.
//
//          x=0                                x=17
//   y=0    ┌───F01──────F02──────F03──────F04──┐   F cooler, W wall shelf, G gondola,
//          │                              staff│   C grab & go counter, in/out gates
//          │W    G01       G02       G03      W│
//          │01   G04       G05       G06     02│
//          │     G07       G08       G09       │
//   y=10   └─in─in────────[ C01 ]───────out─out┘

import type { Fixture, Gate, Point } from '../schema';

export const FLOOR = { width: 17, depth: 10 };

export interface FixtureSpec extends Omit<Fixture, 'shelves'> {
  /** Shelf heights from the bottom up, one shelf per level and face. */
  levels: number[];
  shelfDepth: number;
  /** Name of the department zone drawn around the fixture; none for the counter, which has its own zone. */
  department?: string;
}

const gondola = (id: string, center: Point, name: string): FixtureSpec => ({
  id,
  name,
  kind: 'gondola',
  center,
  length: 3.6,
  depth: 1.0,
  height: 1.6,
  rotation: 0,
  levels: [0.15, 0.5, 0.85, 1.2],
  shelfDepth: 0.45,
  department: name,
});

const cooler = (id: string, x: number, name: string): FixtureSpec => ({
  id,
  name,
  kind: 'fridge',
  center: [x, 0.4],
  length: 3.75,
  depth: 0.8,
  height: 2.1,
  rotation: 0,
  levels: [0.2, 0.55, 0.9, 1.25, 1.6],
  shelfDepth: 0.6,
  department: name,
});

const wall = (id: string, x: number, rotation: number, name: string): FixtureSpec => ({
  id,
  name,
  kind: 'wall-shelf',
  // Starts 1.1 m in front of the coolers, so the back corners stay open floor, not dead-end pockets.
  center: [x, 4.6],
  length: 5.4,
  depth: 0.5,
  height: 1.9,
  rotation,
  levels: [0.15, 0.5, 0.85, 1.2, 1.55],
  shelfDepth: 0.45,
  department: name,
});

/** Gondola rows (y of centres) and columns (x of centres): aisles 1.25 m between rows, 1.3 m between columns. */
const ROWS = [2.6, 4.85, 7.1];
const COLUMNS = [3.6, 8.5, 13.4];
const cell = (row: number, column: number): Point => [COLUMNS[column]!, ROWS[row]!];

export const FIXTURES: FixtureSpec[] = [
  gondola('G01', cell(0, 0), 'Crisps & chips'),
  gondola('G02', cell(0, 1), 'Nuts & crackers'),
  gondola('G03', cell(0, 2), 'Biscuits & cakes'),
  gondola('G04', cell(1, 0), 'Chocolate & sweets'),
  gondola('G05', cell(1, 1), 'Pasta & sauces'),
  gondola('G06', cell(1, 2), 'Tins & noodles'),
  gondola('G07', cell(2, 0), 'Breakfast & spreads'),
  gondola('G08', cell(2, 1), 'Health & beauty'),
  gondola('G09', cell(2, 2), 'Household & pet'),
  cooler('F01', 2.875, 'Water & soft drinks'),
  cooler('F02', 6.625, 'Juice & energy'),
  cooler('F03', 10.375, 'Dairy'),
  cooler('F04', 14.125, 'Beer, cider & wine'),
  // Side walls: rotated so their shelves face into the store.
  wall('W01', 0.25, -90, 'Cleaning & paper'),
  wall('W02', 16.75, 90, 'Bakery'),
  {
    id: 'C01',
    name: 'Grab & go counter',
    kind: 'counter',
    center: [8.5, 9.6],
    length: 4.0,
    depth: 0.8,
    height: 1.5,
    rotation: 180,
    levels: [0.8, 1.05, 1.3],
    shelfDepth: 0.5,
  },
];

/** Gates sit in the front wall; a line runs right-to-left as seen from outside, so the store is on its right. */
const gate = (id: string, name: string, kind: 'entry' | 'exit', x0: number, scanner?: string): Gate => ({
  id,
  name,
  kind,
  line: [[x0 + 1.0, FLOOR.depth], [x0, FLOOR.depth]],
  ...(scanner ? { scanner: { kind: 'simulated' as const, serial: scanner } } : {}),
});

export const GATES: Gate[] = [
  gate('entry-1', 'Entry gate 1', 'entry', 1.4, 'SCN-0001'),
  gate('entry-2', 'Entry gate 2', 'entry', 2.6, 'SCN-0002'),
  gate('exit-1', 'Exit gate 1', 'exit', 13.4),
  gate('exit-2', 'Exit gate 2', 'exit', 14.6),
];

type Rect = [x0: number, y0: number, x1: number, y1: number];
export const rect = ([x0, y0, x1, y1]: Rect): Point[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];

/** Walkways between fixtures, for footfall and dwell by aisle. */
export const AISLES: { id: string; name: string; area: Rect }[] = [
  { id: 'aisle-back', name: 'Back aisle (coolers)', area: [0.5, 0.8, 16.5, 2.1] },
  { id: 'aisle-1', name: 'Aisle 1', area: [1.8, 3.1, 15.2, 4.35] },
  { id: 'aisle-2', name: 'Aisle 2', area: [1.8, 5.35, 15.2, 6.6] },
  { id: 'aisle-front', name: 'Front aisle', area: [0.5, 7.6, 16.5, 9.2] },
  { id: 'aisle-west', name: 'West aisle', area: [0.5, 2.1, 1.8, 7.6] },
  { id: 'aisle-cross-1', name: 'Cross aisle 1', area: [5.4, 2.1, 6.7, 7.6] },
  { id: 'aisle-cross-2', name: 'Cross aisle 2', area: [10.3, 2.1, 11.6, 7.6] },
  { id: 'aisle-east', name: 'East aisle', area: [15.2, 2.1, 16.5, 7.6] },
];

export const ENTRANCE_AREA: Rect = [0.5, 8.4, 5.0, 10];
export const EXIT_AREA: Rect = [12.0, 8.4, 16.5, 10];
/** Where shoppers stand at the counter. */
export const COUNTER_AREA: Rect = [6.5, 8.6, 10.5, 9.2];
/** The stock-room door in the back corner, where staff come and go. */
export const STAFF_AREA: Rect = [16.0, 0, 17, 1.2];
/** How far a department zone reaches into the aisle in front of its shelves. */
export const DEPARTMENT_REACH = 0.6;

/** Shelf ids read as fixture, face (F front / B back) and level from the floor up: `G01-F2`. */
export const shelfId = (fixtureId: string, face: 'front' | 'back', level: number): string =>
  `${fixtureId}-${face === 'front' ? 'F' : 'B'}${level + 1}`;
