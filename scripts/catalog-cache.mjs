// Writes packages/language/catalogs/catalogs.v8cache: the builtin catalogs parsed once, so that a
// cold `certa validate` and the language server hydrate them instead of parsing them (see
// packages/language/src/catalogs/catalog-cache.ts). Run by `npm run build` after tsc; the
// vscode bundle copies the file next to its catalogs. Usage: node scripts/catalog-cache.mjs
import './../packages/language/node20-polyfill.mjs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createCertaServices, defaultCatalogDirectory, writeCatalogCache } from '../packages/language/out/index.js';

const { Certa } = createCertaServices(EmptyFileSystem);
const written = writeCatalogCache(defaultCatalogDirectory(), Certa);
console.log(`wrote ${path.relative(process.cwd(), written)}`);
