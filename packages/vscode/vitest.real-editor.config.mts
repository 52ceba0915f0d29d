import { defineConfig } from 'vitest/config';

// The real-editor test: the packaged .vsix in code-server, driven by headless Chromium. Kept out of the
// default `vitest run` (it needs the tools scripts/install-code-server.sh installs); run it with
// `npm run test:editor`.
export default defineConfig({
    test: {
        root: new URL('../..', import.meta.url).pathname,
        include: ['packages/vscode/test/real-editor/**/*.e2e.ts'],
        setupFiles: ['packages/language/node20-polyfill.mjs'],
        testTimeout: 120_000,
        hookTimeout: 240_000,
        fileParallelism: false
    }
});
