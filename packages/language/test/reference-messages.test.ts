import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import { clearTestDocuments, createTestServices, messageOf, validateSources } from './test-services.js';

let services: CertaServices;
beforeAll(async () => {
    services = await createTestServices();
});
afterEach(() => clearTestDocuments(services));

async function messages(source: string, code: string): Promise<string[]> {
    const [document] = await validateSources(services, source);
    return (document.diagnostics ?? []).filter(d => d.code === code).map(messageOf);
}

describe('unknown catalogs', () => {
    it('never suggest another standard by spelling; say which catalogs exist and how to add one', async () => {
        // was: Unknown catalog 'ISO14001'. Did you mean ISO9001? (and a second code for the same cause)
        const found = await messages(`scheme EMS "e" { certifies managementSystem ISO14001 requirement ISO14001 6.1 }`, 'certa.reference.unknown-catalog');
        expect(found).toHaveLength(2);
        expect(found[0]).toBe(found[1]);
        expect(found[0]).toBe("Unknown catalog 'ISO14001': no file of this workspace declares it. "
            + 'The catalogs here are GUIDE53, GUIDE67, IAF, ISO17021_1, ISO17065, ISO17067, ISO9001. '
            + 'To use ISO14001, declare it in a .certa file (catalog ISO14001 "title" { clause 4 "heading" … }) and keep that file in a shared folder '
            + 'of certa.json, or name it with the scheme when running certa.');
        expect(found[0]).not.toMatch(/Did you mean/);
    });

    it('suggest the catalog spelt the same but for case or separators', async () => {
        const [found] = await messages(`scheme S "s" { requirement iso_9001 4 }`, 'certa.reference.unknown-catalog');
        expect(found).toBe("Unknown catalog 'iso_9001'. Did you mean ISO9001? Catalog names are case-sensitive.");
    });
});

describe('accept … on a name', () => {
    it('reports a target that names nothing as an unknown name with the nearest names, not as stale', async () => {
        // was: Nothing here reports '…' on 'NoSuchThing' any more. Remove this acceptance. (certa.acceptance.stale)
        const source = `scheme S "s" {
    operatedUnder ISO17065
    mark LOGO "logo" shape circle
    accept "certa.marks.mark-without-use" on LGOO because "the logo rules are in the contract"
}`;
        const [document] = await validateSources(services, source);
        const codes = (document.diagnostics ?? []).map(d => d.code);
        expect(codes).not.toContain('certa.acceptance.stale');
        const unknown = (document.diagnostics ?? []).filter(d => d.code === 'certa.reference.unknown-name').map(messageOf);
        expect(unknown).toEqual(["Nothing in scheme 'S' is named 'LGOO', so this acceptance applies to nothing. Did you mean LOGO? Name an activity, check or mark of scheme 'S'."]);
    });
});
