import type { GrammarAST } from 'langium';
import { DefaultTokenBuilder, RegExpUtils } from 'langium';
import type { TokenType } from 'chevrotain';

/**
 * Langium's token builder, with the partial form of each terminal's pattern built once instead of
 * once per keyword: which terminals could match a longer text than a keyword (its LONGER_ALT) is
 * asked for every keyword against every terminal, and rebuilding the pattern each time was a
 * tenth of a cold `certa validate`. The answer is Langium's own (`RegExpUtils.partialMatches`).
 */
export class CertaTokenBuilder extends DefaultTokenBuilder {
    private readonly partials = new Map<string, RegExp>();

    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return terminalTokens.filter(token => {
            const source = (token?.PATTERN as RegExp | undefined)?.source;
            if (!source) return false;
            let partial = this.partials.get(source);
            if (!partial) this.partials.set(source, partial = RegExpUtils.partialRegExp(`^${source}$`));
            const match = keyword.value.match(partial);
            return !!match && match[0].length > 0;
        });
    }
}
