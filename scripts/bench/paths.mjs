import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverPath = path.join(repositoryRoot, 'packages', 'vscode', 'dist', 'server.cjs');
export const cliPath = path.join(repositoryRoot, 'packages', 'cli', 'bin', 'certa.js');
export const polyfillPath = path.join(repositoryRoot, 'packages', 'language', 'node20-polyfill.mjs');
