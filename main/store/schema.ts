// The store model: zod schemas for every file of a store directory, and the types inferred from
// them. Pure (no I/O) so the engine, the services and, through the contract, the renderer share
// one definition. Floor coordinates are metres on the plan: x to the right, y down the page,
// z up from the floor.
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-"');
const metres = z.number().finite();
const positiveMetres = z.number().finite().positive();
export const pointSchema = z.tuple([metres, metres]);
const polygon = z.array(pointSchema).min(3, 'a polygon needs at least 3 points');

export const zoneKinds = ['entrance', 'exit', 'aisle', 'department', 'checkout', 'staff'] as const;
export const zoneSchema = z.object({
  id,
  name: z.string().min(1),
  kind: z.enum(zoneKinds),
  polygon,
});

/** A load cell under a plate: which controller (by serial number) and which of its channels. */
export const plateChannelSchema = z.object({
  controller: z.string().min(1),
  channel: z.number().int().min(0).max(255),
});

export const plateSchema = z.object({
  id,
  /** Start of the plate along its shelf, measured from the fixture's left end as seen from the aisle. */
  offset: metres.nonnegative(),
  width: positiveMetres,
  device: plateChannelSchema,
});

export const shelfSchema = z.object({
  id,
  /** Which long side of the fixture the shelf faces: front is the fixture's +y side before rotation. */
  face: z.enum(['front', 'back']),
  /** Height of the shelf surface above the floor. */
  height: metres.nonnegative(),
  depth: positiveMetres,
  plates: z.array(plateSchema).min(1),
});

export const fixtureKinds = ['gondola', 'wall-shelf', 'fridge', 'counter'] as const;
export const fixtureSchema = z.object({
  id,
  name: z.string().min(1),
  kind: z.enum(fixtureKinds),
  /** Centre of the fixture's footprint. */
  center: pointSchema,
  length: positiveMetres,
  depth: positiveMetres,
  height: positiveMetres,
  /** Rotation of the footprint about its centre, degrees clockwise on the plan. */
  rotation: z.number().finite().default(0),
  shelves: z.array(shelfSchema),
});

export const gateSchema = z.object({
  id,
  name: z.string().min(1),
  kind: z.enum(['entry', 'exit']),
  /** The line a shopper crosses; walking from `line[0]` to `line[1]`, inside the store is on the right. */
  line: z.tuple([pointSchema, pointSchema]),
  scanner: z
    .object({
      kind: z.enum(['hid-pos', 'keyboard-wedge', 'simulated']),
      serial: z.string().min(1),
    })
    .optional(),
});

export const floorSchema = z.object({
  width: positiveMetres,
  depth: positiveMetres,
  /** The walls, as the outline of the sales floor. */
  outline: polygon,
});

export const storeLayoutSchema = z.object({
  schemaVersion: z.literal(1),
  id,
  name: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "USD"'),
  timezone: z.string().min(1),
  floor: floorSchema,
  zones: z.array(zoneSchema),
  fixtures: z.array(fixtureSchema).min(1),
  gates: z.array(gateSchema).min(1),
});

export const intrinsicsSchema = z.object({
  fx: z.number().positive(),
  fy: z.number().positive(),
  cx: z.number().finite(),
  cy: z.number().finite(),
});

/**
 * Camera pose in floor coordinates. The camera looks along yaw (degrees clockwise from +x on the
 * plan), tilted down by pitch (90 looks straight down), then rolled about its optical axis.
 */
export const poseSchema = z.object({
  position: z.tuple([metres, metres, positiveMetres]),
  yaw: z.number().finite(),
  pitch: z.number().min(0).max(90),
  roll: z.number().finite().default(0),
});

/** Row-major 3×3 matrix mapping image pixels (u, v, 1) to floor metres (x, y, 1). */
export const homographySchema = z.array(z.number().finite()).length(9);

export const cameraSchema = z
  .object({
    id,
    name: z.string().min(1),
    resolution: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
    fps: z.number().positive().max(240),
    intrinsics: intrinsicsSchema,
    pose: poseSchema.optional(),
    floorHomography: homographySchema.optional(),
    stream: z.object({
      kind: z.enum(['rtsp', 'v4l2', 'file', 'simulated']),
      url: z.string().min(1),
    }),
  })
  .refine((camera) => camera.pose !== undefined || camera.floorHomography !== undefined, {
    message: 'a camera needs a pose or a floorHomography to place it on the floor',
  });

export const camerasFileSchema = z.object({ cameras: z.array(cameraSchema) });

export const productSchema = z.object({
  sku: id,
  upc: z.string().regex(/^\d{8}$|^\d{12,14}$/, 'must be an 8-, 12-, 13- or 14-digit UPC/EAN'),
  name: z.string().min(1),
  category: z.string().min(1),
  /** Price in minor units of the store's currency (cents for USD). */
  priceMinor: z.number().int().nonnegative(),
  weightMeanG: z.number().positive(),
  weightStdG: z.number().nonnegative(),
  image: z.string().optional(),
  ageRestricted: z.boolean().default(false),
});

export const catalogFileSchema = z.object({ products: z.array(productSchema).min(1) });

export const facingSchema = z.object({
  plate: id,
  sku: id,
  /** Units the plate holds when full. */
  capacity: z.number().int().positive(),
  /** Restock alert when the units left fall to this or below. */
  restockThreshold: z.number().int().nonnegative(),
});

export const planogramFileSchema = z.object({ facings: z.array(facingSchema) });

export type Point = z.infer<typeof pointSchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type Plate = z.infer<typeof plateSchema>;
export type Shelf = z.infer<typeof shelfSchema>;
export type Fixture = z.infer<typeof fixtureSchema>;
export type Gate = z.infer<typeof gateSchema>;
export type Floor = z.infer<typeof floorSchema>;
export type StoreLayout = z.infer<typeof storeLayoutSchema>;
export type Intrinsics = z.infer<typeof intrinsicsSchema>;
export type CameraPose = z.infer<typeof poseSchema>;
export type Camera = z.infer<typeof cameraSchema>;
export type Product = z.infer<typeof productSchema>;
export type Facing = z.infer<typeof facingSchema>;

/** A whole store, as loaded from its directory and cross-checked. */
export interface StoreModel {
  layout: StoreLayout;
  cameras: Camera[];
  catalog: Product[];
  planogram: Facing[];
}
