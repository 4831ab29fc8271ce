import { defineConfig } from 'tsup';
import base from '../../tsup.config.base';

export default defineConfig({
  ...base,
  entry: ['src/index.ts', 'src/ky.ts', 'src/axios.ts', 'src/ofetch.ts'],
});
