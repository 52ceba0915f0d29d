import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import { clearTestDocuments, createTestServices, messageOf, validateSources } from './test-services.js';
import { InternalCodes } from '../src/validation/internal-errors.js';
import { discoverCases } from './validation-cases.js';

/**
 * Rules run on whatever the parser recovers while the designer types. Every prefix of every case
 * (cut at each line end and inside each line) must validate without a rule crashing.
 */
let services: CertaServices;

beforeAll(async () => {
    services = await createTestServices();
});

afterEach(async () => {
    await clearTestDocuments(services);
});

function prefixes(text: string): string[] {
    const result: string[] = [];
    let offset = 0;
    for (const line of text.split('\n')) {
        result.push(text.slice(0, offset + Math.floor(line.length / 2)));
        offset += line.length + 1;
        result.push(text.slice(0, offset));
    }
    return result;
}

const files = discoverCases().flatMap(c => c.files.map(f => [`${c.name}/${f.name}`, f.text] as const));

describe('rules on incomplete text', () => {
    it.each(files)('%s: no rule crashes on any prefix', async (_name, text) => {
        const crashes: string[] = [];
        for (const prefix of prefixes(text)) {
            const [document] = await validateSources(services, prefix);
            for (const diagnostic of document.diagnostics ?? []) {
                if (diagnostic.code === InternalCodes.internalError) {
                    crashes.push(`after ${prefix.length} characters: ${messageOf(diagnostic).split('\n')[0]}`);
                }
            }
            await clearTestDocuments(services);
        }
        expect(crashes.slice(0, 5)).toEqual([]);
    });
});
