import { join } from 'node:path';
import madge from 'madge';

/**
 * No file of a library imports, even for a type only, a file that imports it
 * back. ESLint's import-x/no-cycle catches the runtime cycles while editing;
 * this also catches the type-only ones (a service taking its loaders type from
 * the context that constructs it), which that rule does not see.
 */
describe('imports between the files of the libraries', () => {
  it('form no cycle', async () => {
    const root = join(__dirname, '..');
    const graph = await madge(join(root, 'libs'), {
      baseDir: root,
      fileExtensions: ['ts'],
      excludeRegExp: [/node_modules/, /\.d\.ts$/],
      tsConfig: join(root, 'tsconfig.base.json'),
      detectiveOptions: { ts: { skipTypeImports: false } },
    });
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(100);
    expect(graph.circular()).toEqual([]);
  }, 120_000);
});
