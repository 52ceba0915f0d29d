import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts'],
        // Langium needs Object.groupBy, which Node 20 lacks.
        setupFiles: ['packages/language/node20-polyfill.mjs'],
        testTimeout: 60_000,
        hookTimeout: 120_000
    }
});
