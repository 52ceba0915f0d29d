import type { LangiumDocument } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Document } from '../src/generated/ast.js';
import { isCatalog } from '../src/generated/ast.js';
import { clauseIndexOf } from '../src/scoping/clause-index.js';
import { createTestServices } from './test-services.js';

/**
 * The builtin catalogs against a table kept here, taken from the public tables of contents each
 * catalog's notes name (ISO/IEC 17067: the AS/NZS adoption's contents; ISO/IEC 17021-1: the 2015
 * contents page; IAF ID 1: its table of codes). A clause added, dropped or renamed in a catalog must
 * be a deliberate change here too, so a heading cannot drift from its source unnoticed.
 */
interface Expected {
    /** Every clause, annex and data row (functional elements, principles) in the catalog. */
    clauses: number;
    headings: Record<string, string | undefined>;
    /** Words the catalog's notes use to name the source of its headings and tables. */
    source: RegExp;
}

const table: Record<string, Expected> = {
    ISO17067: {
        clauses: 76,
        headings: {
            '4': 'Product certification', '4.1': 'Concept of product certification', '5.2': 'Functions and activities in product certification schemes',
            '5.3': 'Types of product certification schemes', '5.3.2': 'Scheme type 1a', '5.3.3': 'Scheme type 1b', '5.3.7': 'Scheme type 5',
            '5.3.8': 'Scheme type 6', '6.3': 'Scheme owner', '6.3.12': undefined, '6.5.6': 'Licensing and control of the mark',
            '6.5.12': 'Fraudulent claim of certification', '6.6.3': 'Other changes to the scheme', '6.7': 'Scheme documentation'
        },
        source: /AS\/NZS ISO\/IEC 17067:2015.*no annex/s
    },
    GUIDE67: {
        clauses: 14,
        headings: { '3': 'Terms and definitions', '4': 'Context of product certification', '4.1': 'General', 'III': 'Evaluation', 'VIa': 'Surveillance: testing or inspection of samples from the open market' },
        source: /IS\/ISO\/IEC Guide 67:2004.*1\) to 6\)/s
    },
    ISO17021_1: {
        clauses: 123,
        headings: {
            '1': 'Scope', '3': 'Terms and definitions', '4.8': 'Risk-based approach', '5.1.3': 'Responsibility for certification decisions',
            '7.1.4': 'Other considerations', '8.5.3': 'Notice of changes by a certified client', '9.1.6': 'Multiple management system standards',
            '9.3.1.1': 'General', '9.4.2': 'Conducting the opening meeting', '9.4.7': 'Conducting the closing meeting',
            '9.4.10': 'Effectiveness of corrections and corrective actions', '9.6.2.2': 'Surveillance audit', '9.6.4.1': 'Expanding scope',
            '10.2.8': 'Preventive actions', 'A': 'Required knowledge and skills', 'A.2.1': 'Business management practices', 'A.2.10': 'Interviewing',
            'B': 'Possible evaluation methods', 'F': 'Considerations for the audit programme, scope or plan', 'H': undefined
        },
        source: /first edition, 2015-06-15.*Certa's own split of Table A\.1/s
    },
    ISO17065: {
        clauses: 55,
        headings: {
            '1': 'Scope', '2': 'Normative references', '4.1.3': 'Use of license, certificates and marks of conformity', '6.1.2': 'Management of competence for personnel involved in the certification process',
            '7.4': 'Evaluation', '7.9': 'Surveillance', '8.8': 'Preventive actions (Option A)',
            'A': 'Principles for product certification bodies and their certification activities', 'B': 'Application of this International Standard for processes and services'
        },
        source: /ISO\/IEC Guide 65:1996.*Annexes A and B/s
    },
    GUIDE53: {
        clauses: 12,
        headings: { '1': 'Scope', 'd': 'Control of marks', 'A': undefined, 'B': undefined },
        source: /withdrawn.*ISO\/IEC TR 17026:2015.*GB\/T 27053-2008/s
    },
    ISO9001: {
        clauses: 91,
        headings: {
            '4': 'Context of the organization', '7.1.5': 'Monitoring and measuring resources', '8.3': 'Design and development of products and services',
            '8.5.5': 'Post-delivery activities', '9.2': 'Internal audit', '9.3': 'Management review', '10.2': 'Nonconformity and corrective action'
        },
        source: /table of contents of ISO 9001:2015/
    },
    IAF: {
        clauses: 39,
        headings: {
            '1': 'Agriculture, forestry and fishing', '16': 'Concrete, cement, lime, plaster etc.', '28': 'Construction',
            '29': 'Wholesale and retail trade; Repair of motor vehicles, motorcycles and personal and household goods', '33': 'Information technology', '39': 'Other social services'
        },
        source: /table of IAF ID 1.*code 29/s
    }
};

let catalogs: Map<string, Catalog>;

beforeAll(async () => {
    const services = await createTestServices();
    const documents = (await services.catalogs.BuiltinCatalogs.load()) as Array<LangiumDocument<Document>>;
    catalogs = new Map(documents.flatMap(d => d.parseResult.value.elements.filter(isCatalog)).map(c => [c.name, c]));
});

describe('builtin catalog contents agree with the table kept in this test', () => {
    it('covers every builtin catalog', () => {
        expect([...catalogs.keys()].sort()).toEqual(Object.keys(table).sort());
    });

    describe.each(Object.entries(table))('%s', (id, expected) => {
        it('has the expected number of clauses', () => {
            expect(clauseIndexOf(catalogs.get(id)!).clauses.length).toBe(expected.clauses);
        });

        it('has the expected headings (undefined: listed by number only, heading not confirmed)', () => {
            const index = clauseIndexOf(catalogs.get(id)!);
            const actual = Object.fromEntries(Object.keys(expected.headings).map(number => [number, index.get(number)?.heading ?? (index.get(number) ? undefined : 'MISSING')]));
            expect(actual).toEqual(expected.headings);
        });

        it('names the source of its headings in its notes', () => {
            expect(catalogs.get(id)!.notes.join(' ')).toMatch(expected.source);
        });
    });
});
