import { defineConfig } from 'tsup';
import base from '../../tsup.config.base';

// `shims`: `import.meta.url` in the CommonJS build too, for loading an optional peer dependency.
export default defineConfig({ ...base, shims: true });
