// Typed lint for the whole repository: consistent type imports (the packages use
// verbatimModuleSyntax) and no explicit `any`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    { ignores: ['**/out/**', '**/dist/**', '**/generated/**', '**/node_modules/**', '.tools/**', 'test-artifacts/**', 'out/**'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ['packages/*/src/**/*.ts'],
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
        },
        rules: {
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
            '@typescript-eslint/no-explicit-any': 'error',
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
        }
    },
    {
        // Tests assert on terminal escape sequences on purpose.
        files: ['packages/*/test/**/*.ts'],
        rules: { 'no-control-regex': 'off' }
    },
    {
        files: ['**/*.mjs', '**/*.js'],
        languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly', global: 'readonly' } }
    }
);
