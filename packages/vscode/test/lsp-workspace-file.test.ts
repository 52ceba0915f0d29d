// The server reads the same certa.json as the CLI: opened on a scheme folder, it finds the file
// above it and loads its shared folders, and the "Certa" output channel says what it loaded.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol';
import type { PreviewResult } from '../src/protocol.js';
import { PreviewRequest } from '../src/protocol.js';
import { bundledServer } from './bundled-server.js';
import { LspClient } from './lsp-client.js';

let serverPath: string;
let client: LspClient;
let root: string;

const scheme = 'scheme S "s" { operatedUnder ISO17065 certifies product activity a: determination testing by Tester }\n';
const roles = 'role Tester "Tester" { needs Testing }\ncompetence Testing "Testing" basis ISO17065 6\n';
/** Qualified until a day after the one certa.json pins, long before the real today. */
const people = 'person tk "T. K." { qualified Tester until 2020-06-30 competent Testing }\n';

beforeAll(async () => {
    serverPath = await bundledServer();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-lsp-config-'));
    fs.mkdirSync(path.join(root, 'schemes'));
    fs.mkdirSync(path.join(root, 'shared'));
    fs.writeFileSync(path.join(root, 'certa.json'), JSON.stringify({ sources: ['schemes'], shared: ['shared'], today: '2020-01-15', coverageCatalogs: ['ISO17065'] }));
    fs.writeFileSync(path.join(root, 'schemes', 's.certa'), scheme);
    fs.writeFileSync(path.join(root, 'shared', 'roles.certa'), roles);
    fs.writeFileSync(path.join(root, 'shared', 'people.certa'), people);
    client = LspClient.start(serverPath);
    await client.initialize(pathToFileURL(path.join(root, 'schemes')).toString());
});

afterAll(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
    if (serverPath) fs.rmSync(path.dirname(serverPath), { recursive: true, force: true });
});

function logged(pattern: RegExp): Promise<string> {
    return client.logged(pattern, 30_000);
}

describe('certa.json in the language server', () => {
    it('loads the shared folders of the certa.json above the opened folder', async () => {
        const uri = pathToFileURL(path.join(root, 'schemes', 's.certa')).toString();
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'certa', version: 1, text: scheme } });
        const diagnostics = await client.diagnosticsFor(uri, () => true);
        // Tester is declared in shared/, outside the opened folder: it resolves
        expect(diagnostics.map(d => d.code)).not.toContain('certa.reference.unknown-name');
        expect(diagnostics.length).toBeGreaterThan(0); // the sketch still lacks review and decision
    });

    it('tells the output channel what it loaded and how the first validation went', async () => {
        const loaded = await logged(/^\[certa\] loaded \d+ files \(and \d+ builtin catalog and question-bank files\) from the folders of .*certa\.json in \d+ ms; catalogs: .*ISO9001/);
        expect(loaded).toMatch(/loaded 3 files \(and \d+ builtin catalog and question-bank files\)/);
        expect(await logged(/^\[certa\] first validation: \d+ documents in \d+ ms since start, \d+ errors, \d+ warnings$/)).toBeTruthy();
    });

    it('judges qualification expiry on the day certa.json pins, as certa validate does', async () => {
        const uri = pathToFileURL(path.join(root, 'shared', 'people.certa')).toString();
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'certa', version: 1, text: people } });
        const diagnostics = await client.diagnosticsFor(uri, () => true);
        expect(diagnostics.map(d => d.code)).not.toContain('certa.competence.expired-qualification');
        // The preview's clause coverage follows coverageCatalogs (a product scheme certifies no standard of its own).
        const schemeUri = pathToFileURL(path.join(root, 'schemes', 's.certa')).toString();
        const preview = await client.connection.sendRequest<PreviewResult>(PreviewRequest, { uri: schemeUri });
        expect(preview.html).toMatch(/Clause coverage: s against ISO\/IEC 17065/);
    });
});
