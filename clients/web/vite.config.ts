import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the built app works from any path (a static host's subfolder, IPFS).
  base: './',
  resolve: {
    // `@opg-chain/client` is linked from ../js (a `file:` dependency) and resolves its own
    // dependencies from ../js/node_modules: one polkadot-api for the client and the app.
    dedupe: ['polkadot-api'],
  },
  server: {
    // The linked client package lives outside this folder.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
  // onnxruntime-web loads its WebAssembly itself (src/ort.ts points it at the local file).
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: {
    target: 'es2022',
    // onnxruntime-web's wasm (about 14 MB) is a separate asset, loaded on "Re-verify" only.
    chunkSizeWarningLimit: 1024,
  },
});
