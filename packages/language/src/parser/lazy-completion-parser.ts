import type { CompletionParserResult, LangiumCoreServices } from 'langium';
import { createParser, LangiumCompletionParser } from 'langium';

/**
 * Langium's completion parser (createCompletionParser), its grammar analysed on first use instead of
 * when the service is built. The language server builds every service when the client initializes;
 * this second Chevrotain parser was about a seventh of its start, and it serves only completion and
 * the wording of syntax errors.
 */
export class LazyCompletionParser extends LangiumCompletionParser {
    private readonly services: LangiumCoreServices;
    private built = false;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.services = services;
    }

    override parse(input: string): CompletionParserResult {
        if (!this.built) {
            createParser(this.services.Grammar, this, this.services.parser.Lexer.definition);
            this.finalize();
            this.built = true;
        }
        return super.parse(input);
    }
}
