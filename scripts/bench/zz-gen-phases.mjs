import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { buildCertaModel, createCertaServices } from '../../packages/language/out/index.js';
import { planDocuments, renderDocuments } from '../../packages/generator/out/generate.js';
import { threadCpuMs } from './measure.mjs';
import { syntheticWorkspace } from './workspace.mjs';
const { files } = syntheticWorkspace(850);
const { Certa, shared } = createCertaServices(NodeFileSystem);
const builtins = await Certa.catalogs.BuiltinCatalogs.load();
const documents = files.map(f => { const d = shared.workspace.LangiumDocumentFactory.fromString(f.text, URI.file(`/g/${f.path}`)); shared.workspace.LangiumDocuments.addDocument(d); return d; });
await shared.workspace.DocumentBuilder.build([...builtins, ...documents], { validation: false });
const model = buildCertaModel(documents, builtins);
const kinds = process.argv[2] ? process.argv[2].split(',') : undefined;
for (let run = 0; run < 2; run++) {
  let t = threadCpuMs(process.pid);
  const planned = planDocuments(model, { today: '2026-01-15', documents: kinds });
  const line = [`plan ${(threadCpuMs(process.pid) - t).toFixed(0)}`];
  const byKind = {};
  for (const p of planned) byKind[p.document.kind] = (byKind[p.document.kind] ?? 0) + 1;
  for (const f of ['md', 'html', 'csv', 'xlsx', 'json']) {
    t = threadCpuMs(process.pid);
    const out = await renderDocuments(planned, [f]);
    const bytes = out.reduce((n, o) => n + (typeof o.content === 'string' ? o.content.length : o.content.length), 0);
    line.push(`${f} ${(threadCpuMs(process.pid) - t).toFixed(0)} (${(bytes / 1e6).toFixed(0)}MB)`);
  }
  console.log(line.join(' | '), JSON.stringify(byKind));
}
process.exit(0);
