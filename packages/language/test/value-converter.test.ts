import * as fs from 'node:fs';
import * as path from 'node:path';
import { ValueConverter } from 'langium';
import { describe, expect, it } from 'vitest';
import { stringValue } from '../src/parser/certa-value-converter.js';
import { certaFiles, createTestServices, examplesFolder } from './test-services.js';

describe('string literal values', () => {
    it('are what Langium reads, for every string of the examples and the rule cases', async () => {
        const lexer = (await createTestServices()).parser.Lexer;
        const cases = path.join(path.dirname(examplesFolder), 'packages', 'language', 'test', 'cases');
        let strings = 0;
        for (const file of [...certaFiles(examplesFolder), ...certaFiles(cases)]) {
            for (const token of lexer.tokenize(fs.readFileSync(file, 'utf8')).tokens) {
                if (token.tokenType.name !== 'STRING') continue;
                expect(stringValue(token.image), `${file}: ${token.image}`).toBe(ValueConverter.convertString(token.image));
                strings++;
            }
        }
        expect(strings).toBeGreaterThan(1000);
    });

    it('read escapes as Langium does, and a literal without quotes as nothing', () => {
        for (const literal of ['""', '"plain"', '"a \\"quoted\\" word"', '"back\\\\slash"', '"\\n\\t\\r\\b\\f\\v\\0"', '"\\x\\é\\""', '"\\\\\\"', '"', '', 'ab']) {
            expect(stringValue(literal), literal).toBe(ValueConverter.convertString(literal));
        }
    });
});
