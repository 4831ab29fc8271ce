// Prints the default catalogue until the example APIs exist.
import { defaultCatalogue } from '../packages/core/dist/index.js';

for (const [code, status] of Object.entries(defaultCatalogue.codes)) {
  console.log(`${String(status).padEnd(4)} ${code}`);
}
