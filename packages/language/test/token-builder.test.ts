import { DefaultTokenBuilder } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import { createCertaServices } from '../src/index.js';

describe('the token builder', () => {
    it('gives every keyword the same longer alternatives as Langium\'s own, in the same order', () => {
        const { Certa } = createCertaServices(NodeFileSystem);
        const options = { caseInsensitive: false };
        const shown = (tokens: unknown) => (tokens as Array<{ name: string; LONGER_ALT?: Array<{ name: string }> }>)
            .map(token => `${token.name}: ${(token.LONGER_ALT ?? []).map(alt => alt.name).join(' ')}`);
        const ours = shown(Certa.parser.TokenBuilder.buildTokens(Certa.Grammar, options));
        expect(ours.length).toBeGreaterThan(100);
        expect(ours).toEqual(shown(new DefaultTokenBuilder().buildTokens(Certa.Grammar, options)));
    });
});
