// Scratch: digests of generateDocuments output (850-file synthetic workspace, today 2026-01-15).
// usage: node --import ./packages/language/node20-polyfill.mjs scripts/bench/zz-gen-digest.mjs OUT.json [checklist]
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { buildCertaModel, createCertaServices } from '../../packages/language/out/index.js';
import { FORMATS, generateDocuments } from '../../packages/generator/out/index.js';
import { syntheticWorkspace } from './workspace.mjs';
const outFile = process.argv[2];
const kinds = process.argv[3] ? process.argv[3].split(',') : undefined;
const { files } = syntheticWorkspace(850);
const { Certa, shared } = createCertaServices(NodeFileSystem);
const builtins = await Certa.catalogs.BuiltinCatalogs.load();
const documents = files.map(f => {
    const d = shared.workspace.LangiumDocumentFactory.fromString(f.text, URI.file(`/bench-generation/${f.path}`));
    shared.workspace.LangiumDocuments.addDocument(d);
    return d;
});
await shared.workspace.DocumentBuilder.build([...builtins, ...documents], { validation: false });
const model = buildCertaModel(documents, builtins);
const generated = await generateDocuments(model, { today: '2026-01-15', formats: FORMATS, documents: kinds });
const all = createHash('sha256');
const perFile = {};
for (const file of generated) {
    all.update(file.path).update('\0').update(file.content).update('\0');
    perFile[file.path] = createHash('sha256').update(file.content).digest('hex');
}
writeFileSync(outFile, JSON.stringify(perFile, null, 1));
console.log(all.digest('hex'), generated.length, 'files');
process.exit(0);
