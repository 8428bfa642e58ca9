// Picks a round length for the scale bar so it reads at a glance ("5 m") whatever the zoom.
export interface ScaleBar {
  metres: number;
  pixels: number;
  label: string;
}

const niceLengths = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/** The longest round length that still fits in `maxPixels` at `pixelsPerMetre`. */
export function scaleBarFor(pixelsPerMetre: number, maxPixels = 120): ScaleBar {
  const ppm = pixelsPerMetre > 0 && Number.isFinite(pixelsPerMetre) ? pixelsPerMetre : 1;
  let metres = niceLengths[0] ?? 1;
  for (const length of niceLengths) {
    if (length * ppm <= maxPixels) metres = length;
  }
  const label = metres < 1 ? `${Math.round(metres * 100)} cm` : `${metres} m`;
  return { metres, pixels: metres * ppm, label };
}
