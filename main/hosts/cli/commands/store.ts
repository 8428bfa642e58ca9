// `walkout store check|info`: validate a store directory and summarise it.
import type { Command } from 'commander';
import { loadStore } from '../../../store/load';
import { resolveStoreDir } from '../store-option';

export function registerStore(program: Command): void {
  const store = program.command('store').description('check and describe store directories');
  store
    .command('check')
    .argument('<demo|DIR>', 'the store directory to check')
    .description('validate a store directory; every problem is named with its file and field')
    .action((dir: string) => {
      const model = loadStore(resolveStoreDir(dir));
      console.log(`${model.layout.name}: valid`);
    });
  store
    .command('info')
    .argument('[demo|DIR]', 'the store directory', 'demo')
    .description('print a summary of a store as JSON')
    .action((dir: string) => {
      const { layout, cameras, catalog, planogram } = loadStore(resolveStoreDir(dir));
      const shelves = layout.fixtures.flatMap((f) => f.shelves);
      console.log(
        JSON.stringify(
          {
            id: layout.id,
            name: layout.name,
            areaM2: Number((layout.floor.width * layout.floor.depth).toFixed(1)),
            fixtures: layout.fixtures.length,
            shelves: shelves.length,
            plates: shelves.reduce((n, s) => n + s.plates.length, 0),
            cameras: cameras.length,
            gates: layout.gates.length,
            zones: layout.zones.length,
            products: catalog.length,
            facings: planogram.length,
          },
          null,
          2,
        ),
      );
    });
}
