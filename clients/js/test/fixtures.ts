import { fileURLToPath } from 'node:url';

/** node/engine/fixtures of the repository (from dist/test, where the compiled tests run). */
export const FIXTURES = fileURLToPath(new URL('../../../../node/engine/fixtures/', import.meta.url));
