import * as fs from 'node:fs';
import * as path from 'node:path';
import { CstUtils, DefaultValueConverter, GrammarAST, URI, ValueConverter } from 'langium';
import { describe, expect, it } from 'vitest';
import { CertaValueConverter, stringValue } from '../src/parser/certa-value-converter.js';
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

describe('the value converter', () => {
    it('gives the value of every rule call and cross-reference of the examples as Langium does', async () => {
        const services = await createTestServices();
        const ours = new CertaValueConverter();
        const langiums = new DefaultValueConverter();
        const converted = new Set<string>();
        for (const file of certaFiles(examplesFolder)) {
            const document = services.shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(file, 'utf8'), URI.file(file));
            for (const node of CstUtils.streamCst(document.parseResult.value.$cstNode!)) {
                const source = node.grammarSource;
                if (!GrammarAST.isRuleCall(source) && !GrammarAST.isCrossReference(source)) continue;
                expect(ours.convert(node.text, node), `${file}: ${node.text}`).toEqual(langiums.convert(node.text, node));
                if (GrammarAST.isRuleCall(source)) converted.add(source.rule.$refText);
            }
        }
        // Terminals and data type rules alike, so that a rule whose value is not its text is among them.
        expect([...converted]).toEqual(expect.arrayContaining(['STRING', 'ID', 'INT', 'Name', 'Decimal', 'ClauseNumber']));
    });
});
