import { defineConfig } from 'tsup';
import base from '../../tsup.config.base';

// The CLI is a program, not an entry point of the package: it needs no declarations.
export default defineConfig({
  ...base,
  entry: ['src/index.ts', 'src/express.ts', 'src/fastify.ts', 'src/cli.ts'],
  dts: { entry: ['src/index.ts', 'src/express.ts', 'src/fastify.ts'] },
});
