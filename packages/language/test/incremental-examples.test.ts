import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, DocumentState, URI } from 'langium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CertaServices } from '../src/certa-module.js';
import { setToday } from '../src/validation/validation-clock.js';
import { Random } from './fuzz/prng.js';
import { createTestServices } from './test-services.js';
import { randomEdit } from './fuzz/keystroke-edits.js';

/**
 * The language server's incremental build on the bundled examples, in one process: the soak's
 * random edits (seeded), weighted to the shared roles and people files that every scheme reads,
 * builds the next edit cancels, files removed and brought back, references read beside the builds
 * (as requests do). After every few edits the diagnostics of every file must equal a fresh build of
 * the same texts, as `certa validate` gives them. Cases found this way: a name declared twice
 * resolving to another copy after an edit; a competence renamed next to the roles that need it
 * leaving the schemes of those roles unchecked; a removed file's indirect readers left unchecked;
 * a restored file's duplicate name not taking over; a lookup beside a build caching a scope
 * without the declarations the build re-indexed (see validation-cross-file.test.ts for each).
 */
const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples');
const SEED = Number(process.env.CERTA_INCREMENTAL_SEED ?? 8);
const EDITS = 240;
const COMPARE_EVERY = 40;
const SHARED = ['shared/roles.certa', 'shared/people.certa'];

const files = sourceFiles(examples);
const originals = Object.fromEntries(files.map(file => [file, fs.readFileSync(path.join(examples, file), 'utf8')]));
const uriOf = (file: string) => URI.file(`/incremental/${file}`);

let services: CertaServices;
const versions = new Map<string, number>();

beforeAll(async () => {
    setToday('2026-06-01');
    services = await createTestServices();
});

afterAll(() => setToday(undefined));

describe('the incremental build on the examples workspace', () => {
    it(`matches a fresh build every ${COMPARE_EVERY} of ${EDITS} random edits (seed ${SEED})`, async () => {
        const random = new Random(SEED);
        const texts = { ...originals };
        const removed = new Set<string>();
        const builder = services.shared.workspace.DocumentBuilder;
        const lock = services.shared.workspace.WorkspaceLock;
        const pending: Array<Promise<unknown>> = [];
        // As the server does: each change takes the workspace lock, which cancels the build before.
        const update = (changed: string[], deleted: string[]) => {
            const build = lock.write(token => builder.update(changed.map(uriOf), deleted.map(uriOf), token)).catch(() => undefined);
            if (random.chance(0.3)) void readBeside(random.pick(files));
            if (random.chance(0.5)) return build;
            pending.push(build);
            return Promise.resolve();
        };
        // As a hover or a reference search does while a build runs (Langium lets them run beside
        // it): every reference of a file read, resolving those its file has not linked yet.
        const readBeside = async (file: string) => {
            await new Promise(resolve => setTimeout(resolve, random.int(0, 20)));
            const document = services.shared.workspace.LangiumDocuments.getDocument(uriOf(file));
            if (!document || document.state < DocumentState.ComputedScopes) return;
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                AstUtils.streamReferences(node).forEach(({ reference }) => void ('ref' in reference ? reference.ref : reference.items));
            }
        };
        files.forEach(file => open(file, texts[file]));
        await lock.write(token => builder.update(files.map(uriOf), [], token));
        let compared = 0;
        for (let step = 1; step <= EDITS; step++) {
            const live = files.filter(file => !removed.has(file));
            if (random.chance(0.03) && removed.size > 0 && random.chance(0.6)) {
                const back = [...removed][0];
                removed.delete(back);
                open(back, texts[back]);
                await update([back], []);
            } else if (random.chance(0.02) && removed.size < 2) {
                const gone = random.pick(live);
                removed.add(gone);
                services.shared.workspace.TextDocuments!.delete(uriOf(gone).toString());
                await update([], [gone]);
            } else {
                const file = random.chance(0.4) ? random.pick(SHARED.filter(f => live.includes(f)).concat(live[0])) : random.pick(live);
                const { edit } = randomEdit(random, texts[file], originals[file]);
                texts[file] = 'all' in edit ? edit.all : texts[file].slice(0, edit.start) + edit.insert + texts[file].slice(edit.end);
                open(file, texts[file]);
                await update([file], []);
            }
            if (step % COMPARE_EVERY !== 0) continue;
            await Promise.all(pending.splice(0));
            await lock.write(() => undefined);
            const present = files.filter(f => !removed.has(f));
            const fresh = await freshBuild(present.map(f => [f, texts[f]]));
            for (const f of present) {
                expect(diagnosticsOf(services, f), `after edit ${step} (seed ${SEED}), ${f}`).toEqual(diagnosticsOf(fresh, f));
            }
            compared++;
        }
        expect(compared).toBe(EDITS / COMPARE_EVERY);
    }, 240_000);
});

/** Opens or changes a document as the language client does. */
function open(file: string, text: string): void {
    const uri = uriOf(file).toString();
    const version = (versions.get(uri) ?? 0) + 1;
    versions.set(uri, version);
    services.shared.workspace.TextDocuments!.set(TextDocument.create(uri, 'certa', version, text));
}

async function freshBuild(sources: Array<[string, string]>): Promise<CertaServices> {
    const fresh = await createTestServices();
    const documents = sources.map(([file, text]) => {
        const document = fresh.shared.workspace.LangiumDocumentFactory.fromString(text, uriOf(file));
        fresh.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await fresh.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return fresh;
}

function diagnosticsOf(within: CertaServices, file: string): string[] {
    const document = within.shared.workspace.LangiumDocuments.getDocument(uriOf(file));
    return (document?.diagnostics ?? []).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`).sort();
}

function sourceFiles(root: string): string[] {
    return fs.readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter(file => file.endsWith('.certa'))
        .map(file => file.split(path.sep).join('/'))
        .sort();
}
