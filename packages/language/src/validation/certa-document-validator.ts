import type { AstNode, LangiumDocument, ParseResult, ReferenceInfo, ValidationAcceptor, ValidationOptions } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { AstUtils, Cancellation, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, isOperationCancelled } from 'langium';
import { walkedTree } from '../helpers/ast-walk.js';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import type { CertaServices } from '../certa-module.js';
import type { Catalog } from '../generated/ast.js';
import { isBankQuestion, isClauseRef, isQuestionBank, BankQuestion, ClauseRef } from '../generated/ast.js';
import { catalogOf, nameOf, refTextOf } from '../helpers/node-properties.js';
import { nearestClauseNumbers, nearestNames, sameSpellingNames, SuggestionBudget } from '../scoping/nearest-names.js';
import { AcceptanceRules } from './acceptance.js';
import type { CertaValidationRegistry } from './certa-validation-registry.js';
import type { CutParseResult } from '../parser/certa-parser.js';
import { MAX_NESTING, MAX_SOURCE_LENGTH } from '../parser/input-limits.js';
import { applyAcceptances } from './acceptances.js';
import { internalErrorDiagnostic } from './internal-errors.js';
import { SyntaxCodes } from './syntax-rules.js';
import { withoutAbsenceInDamage } from './syntax-damage.js';
import { widenSyntaxMessages } from './syntax-messages.js';

/** What a quick fix needs to replace an unresolved name with a suggestion. */
export interface UnresolvedReferenceData {
    code: string;
    refText: string;
    suggestions: string[];
    /** The kind of declaration the name should resolve to (Role, Competence, Clause, …); quick fixes create it. */
    referenceType?: string;
}

/** How often a document's validation gives way to a cancelling edit (Langium: before every node). */
const NODES_PER_CANCELLATION_CHECK = 64;

/**
 * Replaces Langium's generic "Could not resolve reference" and parser messages with ones a scheme
 * designer can act on: which catalog or clause is unknown and which real one was probably meant.
 */
export class CertaDocumentValidator extends DefaultDocumentValidator {
    private readonly services: CertaServices;

    constructor(services: CertaServices) {
        super(services);
        this.services = services;
    }

    /** A file cut at the nesting limit ends early: "expecting '}'" there only repeats the cut. */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        if ((parseResult as CutParseResult).cutAt === undefined) return super.processParsingErrors(parseResult, diagnostics, options);
        const kept = { ...parseResult, parserErrors: parseResult.parserErrors.filter(error => error.token.tokenType?.name !== 'EOF') };
        super.processParsingErrors(kept, diagnostics, options);
    }

    /**
     * Langium's walk, without a stream per node, an awaited cancellation check per node or an await
     * per synchronous check (see walkedTree and CertaValidationRegistry.wrapValidationException).
     * Certa validates every node, so validateSingleNodeOptions is not asked.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const { nodes } = walkedTree(rootNode);
        const checksFor = (this.services.validation.ValidationRegistry as CertaValidationRegistry).checksIn(options.categories);
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_CANCELLATION_CHECK === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i];
            const checks = checksFor(node.$type);
            for (let c = 0; c < checks.length; c++) {
                const result = checks[c](node, acceptor, cancelToken);
                if (result) await result;
            }
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        const budget = new SuggestionBudget();
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            try {
                diagnostics.push(...this.unresolvedDiagnostic(error.info, reference.$refNode?.range, budget));
            } catch (failure) {
                if (isOperationCancelled(failure)) throw failure;
                diagnostics.push(internalErrorDiagnostic(`describing the unresolved name '${refTextOf(reference)}'`, failure, reference.$refNode?.range));
            }
        }
    }

    private unresolvedDiagnostic(info: ReferenceInfo, range: Range | undefined, budget: SuggestionBudget): Diagnostic[] {
        if (isClauseReference(info) && !catalogOfClauseReference(info)) {
            return []; // the unknown catalog is the one problem worth reporting
        }
        const { code, message, suggestions } = this.describeUnresolved(info, budget);
        const referenceType = this.services.shared.AstReflection.getReferenceType(info);
        const data: UnresolvedReferenceData = { code, refText: refTextOf(info.reference), suggestions, referenceType };
        return [this.toDiagnostic('error', message, { node: info.container, range, property: info.property, index: info.index, data })];
    }

    private describeUnresolved(info: ReferenceInfo, budget: SuggestionBudget): { code: string; message: string; suggestions: string[] } {
        const typed = refTextOf(info.reference);
        const candidates = () => this.services.references.ScopeProvider.getScope(info).getAllElements().map(d => d.name).toArray();
        if (this.services.shared.AstReflection.getReferenceType(info) === 'Catalog') {
            return unknownCatalog(typed, candidates());
        }
        if (isClauseReference(info)) {
            const catalog = catalogOfClauseReference(info);
            const names = budget.take(candidates);
            const suggestions = names ? nearestClauseNumbers(typed, names) : [];
            return {
                code: SyntaxCodes.unknownClause, suggestions,
                message: `${catalog ? `Catalog ${nameOf(catalog)}` : 'The catalog'} has no clause ${typed}.${didYouMean(suggestions, catalog?.name)}`
            };
        }
        const names = budget.take(candidates);
        const suggestions = names ? nearestNames(typed, names) : [];
        const kind = humanKind(this.services.shared.AstReflection.getReferenceType(info));
        return {
            code: SyntaxCodes.unknownName, suggestions,
            message: `Unknown ${kind} '${typed}'.${didYouMean(suggestions)} ${declareIt(this.services.shared.AstReflection.getReferenceType(info), typed)} or correct the name.`
        };
    }

    /** Every diagnostic leaves with a Certa code, both as `code` and in `data` (quick fixes key on it). */
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const text = document.textDocument.getText();
        if (text.includes('\u0000')) {
            return [notTextDiagnostic()]; // binary data: thousands of syntax errors would help nobody
        }
        const diagnostics = await super.validateDocument(document, options, cancelToken).catch((error: unknown) => {
            if (isOperationCancelled(error)) throw error;
            console.error('Validation failed:', error);
            return [internalErrorDiagnostic('validating this file', error)];
        });
        if (text.trim().length === 0) {
            diagnostics.push(emptyFileDiagnostic());
        }
        const { cutAt, tooLong } = document.parseResult as CutParseResult;
        if (cutAt !== undefined) {
            diagnostics.push(tooDeepDiagnostic(document.textDocument.positionAt(cutAt)));
        }
        if (tooLong !== undefined) {
            diagnostics.push(tooLongDiagnostic(tooLong));
        }
        for (const diagnostic of diagnostics) {
            const data = (diagnostic.data ?? {}) as { code?: string };
            const code = data.code === DocumentValidator.LexingError ? SyntaxCodes.lexing
                : data.code === DocumentValidator.ParsingError ? SyntaxCodes.parsing
                : data.code;
            if (code) {
                diagnostic.code = code;
                diagnostic.data = { ...data, code };
            }
            if (code === SyntaxCodes.lexing && typeof diagnostic.message === 'string') {
                diagnostic.message = readableSyntaxMessage(diagnostic.message);
            }
        }
        const parsing = diagnostics.filter(d => d.code === SyntaxCodes.parsing && typeof d.message === 'string');
        if (parsing.length > 0) {
            widenSyntaxMessages(this.services.parser.CompletionParser, this.services.Grammar, document.textDocument, parsing, cutAt ?? text.length, declarationStarts(document));
        }
        const reportStale = !options?.categories || options.categories.includes('fast');
        const accepted = applyAcceptances(document, diagnostics, reportStale, (acceptance, message, unknownTarget) => {
            if (unknownTarget) {
                const data: UnresolvedReferenceData = { code: SyntaxCodes.unknownName, refText: acceptance.target ?? '', suggestions: unknownTarget };
                const diagnostic = this.toDiagnostic('error', message, { node: acceptance, property: 'target', data });
                diagnostic.code = SyntaxCodes.unknownName;
                return diagnostic;
            }
            const diagnostic = this.toDiagnostic('warning', message, { node: acceptance, property: 'code', data: { code: AcceptanceRules.stale } });
            diagnostic.code = AcceptanceRules.stale;
            return diagnostic;
        });
        return withoutAbsenceInDamage(document, accepted);
    }
}

const fileStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function notTextDiagnostic(): Diagnostic {
    return {
        severity: 1, range: fileStart, code: SyntaxCodes.notText, data: { code: SyntaxCodes.notText }, source: 'certa',
        message: 'This file is not text (it contains NUL bytes). A .certa file must be UTF-8 text; check that the right file was named.'
    };
}

function tooDeepDiagnostic(at: Position): Diagnostic {
    return {
        severity: 1, range: { start: at, end: { line: at.line, character: at.character + 1 } }, code: SyntaxCodes.tooDeep,
        data: { code: SyntaxCodes.tooDeep }, source: 'certa',
        message: `This '{' opens level ${MAX_NESTING + 1}; Certa reads at most ${MAX_NESTING} nested levels and ignores the rest of the file. Close the braces above, or flatten the clause tree.`
    };
}

function tooLongDiagnostic(length: number): Diagnostic {
    const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return {
        severity: 1, range: fileStart, code: SyntaxCodes.tooLong, data: { code: SyntaxCodes.tooLong }, source: 'certa',
        message: `This file holds ${megabytes(length)} of text; Certa reads files up to ${megabytes(MAX_SOURCE_LENGTH)} and has not read this one. Split it into several files (a catalog per standard, a scheme per file).`
    };
}

function emptyFileDiagnostic(): Diagnostic {
    return {
        severity: 2, range: fileStart, code: SyntaxCodes.emptyFile, data: { code: SyntaxCodes.emptyFile }, source: 'certa',
        message: 'This file is empty. Declare a scheme, catalog, role, competence or person in it, or delete it.'
    };
}

/** Chevrotain speaks of token types; a designer wants to know what to write. */
function readableSyntaxMessage(message: string): string {
    return message
        .replace(/token of type '?STRING'?/g, 'a quoted text "…"')
        .replace(/token of type '?ID'?/g, 'a name')
        .replace(/token of type '?INT'?/g, 'a number')
        .replace(/token of type '?CLAUSE_NUMBER'?/g, 'a clause number')
        .replace(/token of type '?EOF'?/g, 'the end of the file')
        .replace(/unexpected character: ->(.)<- at offset: \d+, skipped \d+ characters\./,
            (_m, char: string) => char === '"'
                ? 'Unterminated text: a " opens a text that does not close on the same line. Add the closing ".'
                : char === '.' || char === '-'
                    ? `Unexpected character '${char}'. Clause numbers are written 8.5.1, 4a, 4.1a, 9_a, A.2.2 or II.1 (digits or one letter in each part, no part empty); a range is written with ' .. ' (8.2 .. 8.5).`
                    : `Unexpected character '${char}'. Remove it or put it inside a quoted text.`);
}

/** How many catalogs an unknown-catalog message names before it points to `certa catalog list`. */
const LISTED_CATALOGS = 12;

/**
 * One message and one code for a catalog nobody declares, wherever it is named. A standard is never
 * suggested for another by spelling (ISO14001 is not a typo of ISO9001): only names that differ in
 * case or separators are. Otherwise the message lists the catalogs there are and how to add one.
 */
function unknownCatalog(typed: string, known: Iterable<string>): { code: string; message: string; suggestions: string[] } {
    const names = [...new Set(known)].sort();
    const suggestions = sameSpellingNames(typed, names);
    if (suggestions.length > 0) {
        return { code: SyntaxCodes.unknownCatalog, suggestions, message: `Unknown catalog '${typed}'.${didYouMean(suggestions)} Catalog names are case-sensitive.` };
    }
    const listed = names.length > LISTED_CATALOGS
        ? `${names.slice(0, LISTED_CATALOGS).join(', ')} and ${names.length - LISTED_CATALOGS} more (certa catalog list)`
        : names.join(', ');
    return {
        code: SyntaxCodes.unknownCatalog, suggestions,
        message: `Unknown catalog '${typed}': no file of this workspace declares it. The catalogs here are ${listed || 'none'}. `
            + `To use ${typed}, declare it in a .certa file (catalog ${typed} "title" { clause 4 "heading" … }) and keep that file in a shared folder `
            + `of certa.json, or name it with the scheme when running certa.`
    };
}

function didYouMean(suggestions: string[], catalog?: string): string {
    if (suggestions.length === 0) return '';
    const shown = suggestions.map(s => (catalog ? `${catalog} ${s}` : s));
    return ` Did you mean ${shown.join(' or ')}?`;
}

const kindNames: Record<string, string> = {
    Role: 'role', Competence: 'competence', Mark: 'mark', SchemeType: 'scheme type', Clause: 'functional element',
    Catalog: 'catalog', Person: 'person'
};

/** How to declare a name that does not exist, with the line to write where it takes one line. */
function declareIt(type: string, name: string): string {
    const line = ({
        Role: `role ${name} "…" { needs <Competence> }`,
        Competence: `competence ${name} "…"`,
        Person: `person ${name} "…"`
    } as Record<string, string>)[type];
    return line ? `Declare it ('${line}')` : 'Declare it';
}

function humanKind(type: string): string {
    return kindNames[type] ?? type.toLowerCase();
}

/** A clause number inside a clause reference, or in a question bank's `ask` (`questions ISO9001 { ask 4.1 … }`). */
function isClauseReference(info: ReferenceInfo): boolean {
    return (isClauseRef(info.container) && info.property !== ClauseRef.catalog) || (isBankQuestion(info.container) && info.property === BankQuestion.clause);
}

/** The catalog the clause number of `isClauseReference` is looked up in, when it resolved. */
function catalogOfClauseReference(info: ReferenceInfo): Catalog | undefined {
    if (isClauseRef(info.container)) return catalogOf(info.container);
    return AstUtils.getContainerOfType(info.container, isQuestionBank)?.catalog?.ref;
}

/** Where each declaration of the file starts, in file order (tolerant of a partly parsed tree). */
function declarationStarts(document: LangiumDocument): number[] {
    const root = document.parseResult?.value as { elements?: Array<{ $cstNode?: { offset: number } } | undefined> } | undefined;
    return (root?.elements ?? []).flatMap(element => element?.$cstNode ? [element.$cstNode.offset] : []);
}
