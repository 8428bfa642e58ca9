// Assembles the four files of the demo store directory. Pure and deterministic, so the test can
// check that the committed JSON is exactly what the generator makes.
import { STORE_FILES } from '../validate';
import { buildCameras } from './build-cameras';
import { buildCatalog } from './build-catalog';
import { buildLayout } from './build-layout';
import { buildPlanogram } from './build-planogram';
import { formatJson } from './format-json';

/** File name → file contents, for store.json, cameras.json, catalog.json and planogram.json. */
export function buildDemoStoreFiles(): Record<string, string> {
  const layout = buildLayout();
  const { products, byShelf } = buildCatalog();
  return {
    [STORE_FILES.layout]: formatJson(layout),
    [STORE_FILES.cameras]: formatJson({ cameras: buildCameras() }),
    [STORE_FILES.catalog]: formatJson({ products }),
    [STORE_FILES.planogram]: formatJson({ facings: buildPlanogram(layout, byShelf) }),
  };
}
