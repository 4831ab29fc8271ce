import { defineConfig } from 'tsup';

/** The build every published package shares: one entry, ESM and CJS, each with its `.d.ts`. */
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
});
