import { AstUtils, DocumentState, isOperationCancelled, URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { CancellationTokenSource } from 'vscode-languageserver';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CertaServices } from '../src/certa-module.js';
import type { Document, Person } from '../src/generated/ast.js';
import { setToday } from '../src/validation/validation-clock.js';
import { createTestServices } from './test-services.js';

/**
 * Rules that read other files (the person register, roles used by schemes) must give the same
 * diagnostics after an edit in the language server as a fresh build. The edit goes through
 * `DocumentBuilder.update`, exactly as the server handles a changed text document.
 */
const schemeText = `
scheme QMS "ISO 9001 certification" {
    certifies managementSystem ISO9001
    operatedUnder ISO17021_1
    activity application: applicationReview by Decider
    activity stage1: stage1 audit by LeadAuditor, Auditor { covers ISO9001 4 .. 6 }
    activity stage2: stage2 audit by LeadAuditor, Auditor { covers ISO9001 }
    activity decision: decision by Decider
    surveillance every 12 months {
        activity annual: surveillanceAudit audit by LeadAuditor { covers ISO9001 9.1.2, ISO9001 9.2, ISO9001 9.3, ISO9001 10.2 }
    }
    recertification before 36 months {
        activity recert: recertificationAudit audit by LeadAuditor { covers ISO9001 }
        activity renewal: decision by Decider
    }
}
`;

const rolesText = `
role LeadAuditor "Lead auditor" { needs AnnexA }
role Auditor "Auditor" { needs AnnexA }
role Decider "Decision maker" { needs AnnexA }
competence AnnexA "Annex A knowledge" basis ISO17021_1 A
`;

const peopleWithoutAuditor = `
person jdoe "J. Doe" { qualified LeadAuditor }
person bkhan "B. Khan" { qualified Decider }
`;

const peopleWithAuditor = peopleWithoutAuditor + `person asmith "A. Smith" { qualified Auditor }\n`;

const uris = {
    scheme: URI.file('/test-workspace/cross-file/scheme.certa'),
    roles: URI.file('/test-workspace/cross-file/roles.certa'),
    people: URI.file('/test-workspace/cross-file/people.certa'),
    notes: URI.file('/test-workspace/cross-file/notes.certa'),
    client: URI.file('/test-workspace/cross-file/client.certa'),
    tables: URI.file('/test-workspace/cross-file/tables.certa')
};

type Name = keyof typeof uris;
let services: CertaServices;
const versions = new Map<string, number>();

/** Opens or changes a text document as the language client does, and lets the builder react. */
async function edit(changes: Partial<Record<Name, string>>, cancelToken?: CancellationToken): Promise<void> {
    const textDocuments = services.shared.workspace.TextDocuments!;
    const changed: URI[] = [];
    for (const [name, text] of Object.entries(changes) as Array<[Name, string]>) {
        const uri = uris[name].toString();
        const version = (versions.get(uri) ?? 0) + 1;
        versions.set(uri, version);
        textDocuments.set(TextDocument.create(uri, 'certa', version, text));
        changed.push(uris[name]);
    }
    await services.shared.workspace.DocumentBuilder.update(changed, [], cancelToken);
}

function codesOf(name: Name, within: CertaServices = services): string[] {
    const document = within.shared.workspace.LangiumDocuments.getDocument(uris[name]);
    return (document?.diagnostics ?? []).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`).sort();
}

/** The same texts built from scratch, as `certa validate` does. */
async function freshBuild(texts: Partial<Record<Name, string>>): Promise<CertaServices> {
    const fresh = await createTestServices();
    const factory = fresh.shared.workspace.LangiumDocumentFactory;
    const documents = (Object.keys(texts) as Name[]).map(name => {
        const document = factory.fromString(texts[name]!, uris[name]);
        fresh.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await fresh.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return fresh;
}

beforeEach(async () => {
    setToday('2026-06-01');
    services = await createTestServices();
    versions.clear();
});

afterEach(() => setToday(undefined));

describe('cross-file rules after edits', () => {
    it('carries a register change validated in a build the next keystroke cancelled to the schemes', async () => {
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor, notes: '// notes\n' });
        expect(codesOf('scheme')).toEqual([]);
        // The register loses its auditor; the build is cancelled right after the register was validated.
        await editCancelledWhen({ people: peopleWithoutAuditor, notes: '// notes, edited\n' }, cancel =>
            services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
                if (document.uri.toString() === uris.people.toString()) cancel();
            }));
        await edit({ scheme: schemeText + '// a comment\n' });
        expect(codesOf('scheme').map(c => c.split(' ')[1])).toContain('certa.competence.role-not-staffed');
        // The auditor comes back: the scheme must follow, as a fresh build does.
        await edit({ people: peopleWithAuditor });
        const fresh = await freshBuild({ scheme: schemeText + '// a comment\n', roles: rolesText, people: peopleWithAuditor, notes: '// notes, edited\n' });
        expect(codesOf('scheme')).toEqual(codesOf('scheme', fresh));
    });

    it('announces every validated document, also when the build is cancelled right after it', async () => {
        // The language server publishes diagnostics from such a listener: one skipped would leave
        // the editor showing a document's old diagnostics while it counts as built.
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor });
        const builder = services.shared.workspace.DocumentBuilder;
        const announced: string[] = [];
        // The listener that cancels is registered first: Langium then checks the token before the next one.
        await editCancelledWhen({ people: peopleWithoutAuditor }, cancel => {
            const cancelling = builder.onDocumentPhase(DocumentState.Validated, () => cancel());
            const publishing = builder.onDocumentPhase(DocumentState.Validated, document => { announced.push(document.uri.toString()); });
            return { dispose: () => { cancelling.dispose(); publishing.dispose(); } };
        });
        const validated = services.shared.workspace.LangiumDocuments.all.filter(d => d.state === DocumentState.Validated).map(d => d.uri.toString()).toArray();
        expect(announced).toContain(uris.people.toString());
        expect(validated).toEqual(expect.arrayContaining(announced));
    });

    it('links a reference read while its file waited for linking into the tree a later re-parse made', async () => {
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor });
        // The register changes; the build is cancelled before linking it.
        await editCancelledWhen({ people: peopleWithAuditor + '// edited\n' }, cancel =>
            services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.ComputedScopes, () => cancel()));
        const people = services.shared.workspace.LangiumDocuments.getDocument(uris.people)!;
        expect(people.state).toBeLessThan(DocumentState.Linked);
        // A request running beside the builds (a hover) reads a qualification there and then.
        const qualification = ((people.parseResult.value as Document).elements[0] as Person).qualifications[0];
        expect(qualification.role.ref?.name).toBe('LeadAuditor');
        // The roles file is parsed again (a comment added) before the register is linked.
        await edit({ roles: rolesText + '// a comment\n' });
        const roles = services.shared.workspace.LangiumDocuments.getDocument(uris.roles)!;
        expect(AstUtils.findRootNode(qualification.role.ref!)).toBe(roles.parseResult.value);
        const fresh = await freshBuild({ scheme: schemeText, roles: rolesText + '// a comment\n', people: peopleWithAuditor + '// edited\n' });
        expect(codesOf('scheme')).toEqual(codesOf('scheme', fresh));
    });

    it('links against the declarations a build re-indexes, when a name was looked up as the build began', async () => {
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor });
        // A request resolving a role name (a completion) right after the update began, while the
        // roles file is out of the index, must not leave the register linked without its roles.
        const people = services.shared.workspace.LangiumDocuments.getDocument(uris.people)!;
        const qualification = ((people.parseResult.value as Document).elements[0] as Person).qualifications[0];
        const lookingUp = services.shared.workspace.DocumentBuilder.onUpdate(() => {
            services.references.ScopeProvider.getScope({ container: qualification, property: 'role', reference: qualification.role }).getElement('LeadAuditor');
        });
        await edit({ roles: rolesText + '// a comment\n', people: peopleWithAuditor + '// edited\n' });
        lookingUp.dispose();
        const fresh = await freshBuild({ scheme: schemeText, roles: rolesText + '// a comment\n', people: peopleWithAuditor + '// edited\n' });
        expect(codesOf('people')).toEqual(codesOf('people', fresh));
        expect(codesOf('scheme')).toEqual(codesOf('scheme', fresh));
    });

    it('updates a scheme when the person register it does not reference changes', async () => {
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithoutAuditor });
        expect(codesOf('scheme')).toEqual(['6:51 certa.competence.role-not-staffed']);

        await edit({ people: peopleWithAuditor });
        expect(codesOf('scheme')).toEqual([]);
        const fresh = await freshBuild({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor });
        expect(codesOf('scheme')).toEqual(codesOf('scheme', fresh));

        await edit({ people: peopleWithoutAuditor });
        expect(codesOf('scheme')).toEqual(['6:51 certa.competence.role-not-staffed']);
    });

    it('updates a scheme when the body\'s addresses in a file of their own change, or that file is removed', async () => {
        const impartiality = 'addresses ISO17021_1 5.2 by "QP-02 Impartiality"\n';
        const operation = impartiality + 'addresses ISO17021_1 8.2, ISO17021_1 9.6.5, ISO17021_1 9.7, ISO17021_1 9.8 by "QP-09 Certification and its lifecycle"\n';
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor, notes: impartiality });
        expect(codesOf('scheme')).toEqual(['2:8 certa.operation.procedure-not-addressed']);

        await edit({ notes: operation });
        expect(codesOf('scheme')).toEqual([]);
        const fresh = await freshBuild({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor, notes: operation });
        expect(codesOf('scheme')).toEqual(codesOf('scheme', fresh));

        await edit({ notes: impartiality });
        expect(codesOf('scheme')).toEqual(['2:8 certa.operation.procedure-not-addressed']);
        // Without any record of the body's procedures nothing says they are missing: the file
        // edited down to a comment, then back, then removed.
        await edit({ notes: '// procedures to come\n' });
        expect(codesOf('scheme')).toEqual([]);
        await edit({ notes: impartiality });
        expect(codesOf('scheme')).toEqual(['2:8 certa.operation.procedure-not-addressed']);
        services.shared.workspace.TextDocuments!.delete(uris.notes.toString());
        await services.shared.workspace.DocumentBuilder.update([], [uris.notes]);
        expect(codesOf('scheme')).toEqual([]);
    });

    it('resolves a name another file declares later, and reports it again once that file is removed', async () => {
        const withoutAuditor = rolesText.replace('role Auditor "Auditor" { needs AnnexA }\n', '');
        await edit({ scheme: schemeText, roles: withoutAuditor, people: peopleWithoutAuditor });
        expect(codesOf('scheme').filter(c => c.endsWith('unknown-name'))).toHaveLength(2);

        const declared = 'role Auditor "Auditor" { needs AnnexA }\n';
        await edit({ notes: declared });
        const fresh = await freshBuild({ scheme: schemeText, roles: withoutAuditor, people: peopleWithoutAuditor, notes: declared });
        expect(codesOf('scheme').filter(c => c.endsWith('unknown-name'))).toEqual([]);
        expect(codesOf('scheme')).toEqual(codesOf('scheme', fresh));

        services.shared.workspace.TextDocuments!.delete(uris.notes.toString());
        await services.shared.workspace.DocumentBuilder.update([], [uris.notes]);
        expect(codesOf('scheme').filter(c => c.endsWith('unknown-name'))).toHaveLength(2);
    });

    it('updates the shared role file when a scheme stops using one of its roles', async () => {
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor });
        expect(codesOf('roles')).toEqual([]);

        const withoutAuditor = schemeText.replaceAll('LeadAuditor, Auditor', 'LeadAuditor');
        const peopleWithoutAuditorRole = peopleWithoutAuditor;
        await edit({ scheme: withoutAuditor, people: peopleWithoutAuditorRole });
        expect(codesOf('roles')).toEqual(['3:6 certa.reference.unused-declaration']);
        const fresh = await freshBuild({ scheme: withoutAuditor, roles: rolesText, people: peopleWithoutAuditorRole });
        expect(codesOf('roles')).toEqual(codesOf('roles', fresh));
    });

    it('matches a fresh build after each step of a sequence of edits, deletions included', async () => {
        const texts: Partial<Record<Name, string>> = {};
        const steps: Array<{ change?: Partial<Record<Name, string>>; remove?: Name }> = [
            { change: { roles: rolesText } },                                   // roles before any scheme: not "unused" yet
            { change: { scheme: schemeText } },                                 // the first scheme: unused roles now reported
            { change: { people: peopleWithoutAuditor } },                       // a register: Auditor is not staffed
            { change: { people: peopleWithAuditor.replace('qualified Auditor', 'qualified Auditor until 2026-01-31') } },
            { change: { people: peopleWithAuditor } },
            { change: { scheme: schemeText.replace('decision by Decider', 'decision by LeadAuditor') } },
            { change: { people: peopleWithAuditor + 'competence AnnexA "Annex A again" basis ISO17021_1 A\n' } },
            { remove: 'people' },
            { change: { scheme: schemeText } },
            { remove: 'scheme' }
        ];
        for (const [index, step] of steps.entries()) {
            if (step.change) {
                Object.assign(texts, step.change);
                await edit(step.change);
            }
            if (step.remove) {
                delete texts[step.remove];
                services.shared.workspace.TextDocuments!.delete(uris[step.remove].toString());
                await services.shared.workspace.DocumentBuilder.update([], [uris[step.remove]]);
            }
            const fresh = await freshBuild(texts as Record<Name, string>);
            for (const name of Object.keys(texts) as Name[]) {
                expect(codesOf(name), `step ${index + 1}, ${name}`).toEqual(codesOf(name, fresh));
            }
        }
    });

    it('updates a scheme when a competence its roles need changes in a third file', async () => {
        const rolesOnly = rolesText.replace(/^competence .*$/m, '');
        const competence = 'competence AnnexA "Annex A knowledge" basis ISO17021_1 A\n';
        await edit({ scheme: schemeText, roles: rolesOnly, people: peopleWithAuditor + competence });
        expect(codesOf('scheme')).toEqual([]);

        const notAuditing = competence.replace('ISO17021_1 A', 'ISO9001');
        await edit({ people: peopleWithAuditor + notAuditing });
        expect(codesOf('scheme')).toContain('6:38 certa.competence.missing-auditor');
        const fresh = await freshBuild({ scheme: schemeText, roles: rolesOnly, people: peopleWithAuditor + notAuditing });
        expect(codesOf('scheme')).toEqual(codesOf('scheme', fresh));
    });

    it('updates a scheme when the file of a competence its roles need is removed', async () => {
        // The scheme refers to the roles, the roles to the competence: the scheme reads the removed
        // file only through the roles file, which Langium relinks; the scheme must follow too.
        const rolesOnly = rolesText.replace(/^competence .*$/m, '');
        const competence = 'competence AnnexA "Annex A knowledge" basis ISO17021_1 A\n';
        await edit({ scheme: schemeText, roles: rolesOnly, people: peopleWithAuditor, notes: competence });
        expect(codesOf('scheme')).toEqual([]);

        services.shared.workspace.TextDocuments!.delete(uris.notes.toString());
        await services.shared.workspace.DocumentBuilder.update([], [uris.notes]);
        expect(codesOf('scheme')).toContain('6:38 certa.competence.missing-auditor');
        const fresh = await freshBuild({ scheme: schemeText, roles: rolesOnly, people: peopleWithAuditor });
        expect(codesOf('scheme')).toEqual(codesOf('scheme', fresh));
    });

    it('resolves a scheme\'s role to the copy a new file declares earlier in the workspace, as a fresh build does', async () => {
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor });
        expect(codesOf('scheme')).toEqual([]);
        // notes.certa comes before roles.certa: a fresh build resolves LeadAuditor to its copy.
        const duplicate = 'role LeadAuditor "Lead auditor, declared again"\n';
        await edit({ notes: duplicate });
        const fresh = await freshBuild({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor, notes: duplicate });
        expect(codesOf('scheme', fresh)).toContain('10:53 certa.competence.missing-auditor');
        expect(codesOf('scheme')).toEqual(codesOf('scheme', fresh));
    });

    it('matches a fresh build after each of many mixed edits (seeded)', async () => {
        const variants: Record<'scheme' | 'roles' | 'people', string[]> = {
            scheme: [
                schemeText,
                schemeText.replace('decision by Decider', 'decision by LeadAuditor'),
                schemeText.replaceAll('LeadAuditor, Auditor', 'LeadAuditor'),
                schemeText.replace('operatedUnder ISO17021_1', 'operatedUnder ISO17021_1\n    mark LOGO "logo" shape circle on certificates'),
                ''
            ],
            roles: [
                rolesText,
                rolesText.replace(/^competence .*$/m, ''),
                rolesText.replace('role Decider "Decision maker" { needs AnnexA }', 'role Decider "Decision maker" { needs Qms }\ncompetence Qms "ISO 9001" basis ISO9001'),
                rolesText + 'role Auditor "Auditor again" { needs AnnexA }\n'
            ],
            people: [
                peopleWithoutAuditor,
                peopleWithAuditor,
                peopleWithAuditor.replace('qualified Auditor', 'qualified Auditor until 2026-01-31'),
                peopleWithAuditor + 'competence AnnexA "Annex A knowledge" basis ISO17021_1 A\n',
                'mark TICK "product mark" shape circle on products\n' + peopleWithAuditor,
                'addresses ISO17021_1 9.8 by "QP-09 Complaints"\n' + peopleWithAuditor,
                ''
            ]
        };
        let seed = 20261125;
        const random = (n: number) => {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            return seed % n;
        };
        const texts: Record<'scheme' | 'roles' | 'people', string> = { scheme: schemeText, roles: rolesText, people: peopleWithAuditor };
        await edit(texts);
        const names = Object.keys(variants) as Array<'scheme' | 'roles' | 'people'>;
        for (let step = 1; step <= 30; step++) {
            const name = names[random(names.length)];
            texts[name] = variants[name][random(variants[name].length)];
            await edit({ [name]: texts[name] });
            const fresh = await freshBuild(texts);
            for (const file of names) {
                expect(codesOf(file), `step ${step} (${name} changed), ${file}`).toEqual(codesOf(file, fresh));
            }
        }
    });

    it('reports a duplicate in both files when a second file declares the same role', async () => {
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor });
        await edit({ people: peopleWithAuditor + 'role Decider "Another decision maker" { needs AnnexA }\n' });
        expect(codesOf('roles')).toContain('4:6 certa.reference.duplicate-id');

        await edit({ people: peopleWithAuditor });
        expect(codesOf('roles')).toEqual([]);
    });

    it('resolves a name a second file now also declares to the copy a fresh build takes, in every referrer', async () => {
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor });
        const before = codesOf('scheme');
        // people.certa comes before roles.certa: a fresh build takes its copy, which needs nothing.
        const withCopy = peopleWithAuditor + 'role LeadAuditor "Lead auditor, again"\n';
        await edit({ people: withCopy });
        const fresh = await freshBuild({ scheme: schemeText, roles: rolesText, people: withCopy });
        expect(codesOf('scheme')).toEqual(codesOf('scheme', fresh));
        expect(codesOf('scheme')).not.toEqual(before);
        // And back, once the copy goes.
        await edit({ people: peopleWithAuditor });
        expect(codesOf('scheme')).toEqual(before);
    });

    it('revalidates the schemes using a role when a competence it needs from its own file changes', async () => {
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor });
        const before = codesOf('scheme');
        // The roles' text is unchanged; the competence they need, next to them, is renamed away.
        const renamed = rolesText.replace('competence AnnexA', 'competence AnnexB');
        await edit({ roles: renamed });
        const fresh = await freshBuild({ scheme: schemeText, roles: renamed, people: peopleWithAuditor });
        expect(codesOf('scheme')).toEqual(codesOf('scheme', fresh));
        expect(codesOf('scheme')).not.toEqual(before);
    });

    it('revalidates those schemes also when the edit before was cancelled before the roles file was indexed again', async () => {
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor });
        const before = codesOf('scheme');
        // A first keystroke in the roles file; its build is cancelled once that file is linked.
        await editCancelledOnceLinked('roles', rolesText + '// typing\n');
        // The next keystroke renames the competence the roles need.
        const renamed = rolesText.replace('competence AnnexA', 'competence AnnexB');
        await edit({ roles: renamed });
        const fresh = await freshBuild({ scheme: schemeText, roles: renamed, people: peopleWithAuditor });
        expect(codesOf('scheme')).toEqual(codesOf('scheme', fresh));
        expect(codesOf('scheme')).not.toEqual(before);
    });

    it('validates a referrer that a cancelled build left unvalidated when the next edit changes what it refers to', async () => {
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor });
        // An edit of the scheme whose build the next keystroke cancels once the scheme is linked.
        await editCancelledOnceLinked('scheme', schemeText + '// typing\n');
        // That keystroke changes a role the scheme uses: the scheme is relinked within the next build and must be validated in it.
        const withoutAuditor = rolesText.replace('role Auditor "Auditor" { needs AnnexA }', 'role Auditors "Auditor" { needs AnnexA }');
        await edit({ roles: withoutAuditor });
        const fresh = await freshBuild({ scheme: schemeText + '// typing\n', roles: withoutAuditor, people: peopleWithAuditor });
        expect(codesOf('scheme')).toEqual(codesOf('scheme', fresh));
        expect(codesOf('scheme').some(code => code.endsWith('certa.reference.unknown-name'))).toBe(true);
    });

    it('revalidates no other file when an edit changes no declaration others read, and rebinds their references', async () => {
        await edit({ scheme: schemeText, roles: rolesText, people: peopleWithAuditor });
        const validated = validatedDuring();
        const retitled = rolesText.replace('role Auditor "Auditor"', 'role Auditor "Auditor (field)"').replace('// x', '') + '// a note\n';
        await edit({ roles: retitled });
        expect(validated.dispose()).toEqual(['roles']);
        // The scheme's references lead to the new declarations (hover shows the new title).
        const roles = services.shared.workspace.LangiumDocuments.getDocument(uris.roles)!;
        const scheme = services.shared.workspace.LangiumDocuments.getDocument(uris.scheme)!;
        const targets = scheme.references.map(reference => ('ref' in reference ? reference.ref : undefined)).filter(node => node?.$type === 'Role');
        expect(targets.length).toBeGreaterThan(0);
        for (const node of targets) expect(AstUtils.findRootNode(node!)).toBe(roles.parseResult.value);
        const fresh = await freshBuild({ scheme: schemeText, roles: retitled, people: peopleWithAuditor });
        for (const name of ['scheme', 'roles', 'people'] as Name[]) expect(codesOf(name)).toEqual(codesOf(name, fresh));
    });

    it('revalidates only the files that refer to the role an edit changed', async () => {
        const otherScheme = schemeText.replace('scheme QMS', 'scheme Other').replaceAll('Decider', 'LeadAuditor');
        await edit({ scheme: schemeText, notes: otherScheme, roles: rolesText + 'competence Qms "ISO 9001" basis ISO9001\n', people: peopleWithAuditor });
        const validated = validatedDuring();
        const deciderChanged = rolesText.replace('role Decider "Decision maker" { needs AnnexA }', 'role Decider "Decision maker" { needs Qms }') + 'competence Qms "ISO 9001" basis ISO9001\n';
        await edit({ roles: deciderChanged });
        // The register refers to Decider too (bkhan); the other scheme does not.
        expect(validated.dispose()).toEqual(['people', 'roles', 'scheme']);
        const fresh = await freshBuild({ scheme: schemeText, notes: otherScheme, roles: deciderChanged, people: peopleWithAuditor });
        for (const name of Object.keys(uris) as Name[]) expect(codesOf(name), name).toEqual(codesOf(name, fresh));
    });

    it('matches a fresh build after shifted, renamed and retitled declarations, with builds cancelled midway (seeded)', async () => {
        const roleVariants = [
            rolesText,
            rolesText.replace('role Auditor "Auditor"', 'role Auditor "Auditor (field)"'),
            'role Observer "Observer" { needs AnnexA }\n' + rolesText,
            rolesText.replace('role Auditor "Auditor" { needs AnnexA }', 'role Auditors "Auditor" { needs AnnexA }'),
            rolesText.replace('role LeadAuditor "Lead auditor" { needs AnnexA }', ''),
            rolesText.replace('basis ISO17021_1 A', 'basis ISO9001'),
            rolesText.replace('{ needs AnnexA }', '{ needs AnnexA summary "leads" }'),
            rolesText.replace('role Decider "Decision maker" {', 'role Decider "Decision maker {')
        ];
        const peopleVariants = [peopleWithAuditor, peopleWithoutAuditor, peopleWithAuditor.replace('"A. Smith"', '"A. Smith-Jones"'), '// nobody\n' + peopleWithAuditor];
        let seed = 20261202;
        const random = (n: number) => {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            return seed % n;
        };
        const texts = { scheme: schemeText, roles: rolesText, people: peopleWithAuditor };
        await edit(texts);
        for (let step = 1; step <= 24; step++) {
            const name = random(3) === 0 ? 'people' : 'roles';
            texts[name] = name === 'roles' ? roleVariants[random(roleVariants.length)] : peopleVariants[random(peopleVariants.length)];
            if (random(3) === 0) {
                // The next keystroke cancels this build after some document was validated.
                await editCancelledWhen({ [name]: texts[name] }, cancel =>
                    services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => cancel()));
                continue;
            }
            await edit({ [name]: texts[name] });
            const fresh = await freshBuild(texts);
            for (const file of Object.keys(texts) as Name[]) {
                expect(codesOf(file), `step ${step} (${name} changed), ${file}`).toEqual(codesOf(file, fresh));
            }
        }
    }, 180_000);
});

/**
 * A client finds the audit-time table of its standard by the table's `standards` or `designations`,
 * not by a reference: an edit of a table in another file must still reach the client's rules.
 */
describe('client programmes after edits', () => {
    const client = `
role ProductLead "Lead evaluator" { needs Products }
competence Products "ISO/IEC 17065 requirements" basis ISO17065
person lee "L. Ee" { qualified ProductLead until 2030-12-31 }
client C "C Ltd" {
    standard ISO17065
    site S "Main site" { personnel 8 central }
    audit s1: stage1 2026-02-02 { days 0.5 onSite 0.5 team lee as ProductLead }
    audit s2: stage2 2026-03-02 { days 1 onSite 1 team lee as ProductLead }
}
`;
    const table = (fits: string, days: string) => `
auditTime OWN "A CB's own table for product-certification audits" {
    ${fits}
    personnel 1 .. 10 days ${days}
}
`;
    const byDesignation = table('designations "ISO/IEC 17065"', '1.5');

    async function expectFreshBuild(texts: Partial<Record<Name, string>>, step: string): Promise<void> {
        const fresh = await freshBuild(texts);
        for (const name of Object.keys(texts) as Name[]) expect(codesOf(name), `${step}, ${name}`).toEqual(codesOf(name, fresh));
    }

    it('updates a client when a table it finds by designation changes, appears or goes', async () => {
        const texts: Partial<Record<Name, string>> = { client, tables: byDesignation };
        await edit(texts);
        expect(codesOf('client')).toEqual([]);
        const steps: Array<[string, string | undefined]> = [
            ['more days than the client plans', table('designations "ISO/IEC 17065"', '3')],
            ['a designation the catalog does not have', table('designations "ISO/IEC 17025"', '1.5')],
            ['found by the catalog instead', table('standards ISO17065', '1.5')],
            ['the file removed', undefined],
            ['the file back', byDesignation]
        ];
        for (const [step, text] of steps) {
            if (text === undefined) {
                delete texts.tables;
                services.shared.workspace.TextDocuments!.delete(uris.tables.toString());
                await services.shared.workspace.DocumentBuilder.update([], [uris.tables]);
            } else {
                texts.tables = text;
                await edit({ tables: text });
            }
            await expectFreshBuild(texts, step);
        }
        expect(codesOf('client')).toEqual([]);
    });

    it('tells the client about the table once it appears in the workspace', async () => {
        await edit({ client });
        expect(codesOf('client').map(code => code.split(' ')[1])).toContain('certa.programme.no-audit-time-table');
        await edit({ tables: table('designations "ISO/IEC 17065"', '3') });
        expect(codesOf('client').map(code => code.split(' ')[1])).toContain('certa.programme.audit-time-below-minimum');
        await expectFreshBuild({ client, tables: table('designations "ISO/IEC 17065"', '3') }, 'table added');
    });
});

/** Edits as `edit` does, with a build the next keystroke cancels: `listen` subscribes what calls `cancel`. */
async function editCancelledWhen(changes: Partial<Record<Name, string>>, listen: (cancel: () => void) => { dispose(): void }): Promise<void> {
    const source = new CancellationTokenSource();
    const listener = listen(() => source.cancel());
    await edit(changes, source.token).catch((error: unknown) => { if (!isOperationCancelled(error)) throw error; });
    listener.dispose();
}

/** Changes one document as `edit` does, with a build the next keystroke cancels once that document is linked. */
async function editCancelledOnceLinked(name: Name, text: string): Promise<void> {
    await editCancelledWhen({ [name]: text }, cancel => services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, document => {
        if (document.uri.toString() === uris[name].toString()) cancel();
    }));
}

/** The names of the documents validated from now until `dispose()`, sorted. */
function validatedDuring(): { dispose(): string[] } {
    const seen = new Set<string>();
    const listener = services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
        const name = (Object.keys(uris) as Name[]).find(n => uris[n].toString() === document.uri.toString());
        if (name) seen.add(name);
    });
    return { dispose: () => { listener.dispose(); return [...seen].sort(); } };
}
