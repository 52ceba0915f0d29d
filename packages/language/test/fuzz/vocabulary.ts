import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GrammarAST, GrammarUtils, type Grammar } from 'langium';
import { CertaGrammar } from '../../src/generated/grammar.js';

/** The repository root, four folders above this one. */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const catalogFolder = path.join(repositoryRoot, 'packages', 'language', 'catalogs');

/** What the builtin catalogs declare, read from their text so that generated names resolve. */
export interface CatalogFacts {
    id: string;
    clauses: string[];
    schemeTypes: string[];
}

let catalogs: CatalogFacts[] | undefined;

export function builtinCatalogFacts(): CatalogFacts[] {
    // Question banks (`*.questions.certa`) sit beside the catalogs and declare none.
    catalogs ??= fs.readdirSync(catalogFolder).filter(name => name.endsWith('.certa') && !name.endsWith('.questions.certa')).sort().flatMap(name => {
        const text = fs.readFileSync(path.join(catalogFolder, name), 'utf8').replace(/\/\/[^\n]*/g, '');
        // Builtin files of audit-time tables declare no catalog.
        const id = /catalog\s+(\w+)/.exec(text)?.[1];
        return id === undefined ? [] : [{
            id,
            clauses: [...text.matchAll(/\bclause\s+([\w.]+)/g)].map(m => m[1]),
            schemeTypes: [...text.matchAll(/\bschemeType\s+(\w+)/g)].map(m => m[1])
        }];
    });
    return catalogs;
}

export function grammar(): Grammar {
    return CertaGrammar();
}

let keywords: string[] | undefined;

/** Every keyword and punctuation mark of the grammar. */
export function grammarKeywords(): string[] {
    keywords ??= [...new Set([...GrammarUtils.getAllReachableRules(grammar(), false)]
        .flatMap(rule => GrammarAST.isParserRule(rule) ? [...streamKeywords(rule)] : []))].sort();
    return keywords;
}

function* streamKeywords(rule: GrammarAST.ParserRule): Generator<string> {
    for (const node of (function* walk(n: unknown): Generator<unknown> {
        yield n;
        const element = n as { elements?: unknown[]; terminal?: unknown };
        for (const child of element.elements ?? []) yield* walk(child);
        if (element.terminal) yield* walk(element.terminal);
    })(rule.definition)) {
        if (GrammarAST.isKeyword(node)) yield node.value;
    }
}

/** Declarations found in text by a rough scan: names later documents can refer to. */
export interface DeclaredNames {
    Catalog: string[];
    Role: string[];
    Competence: string[];
    Mark: string[];
    Person: string[];
    Scheme: string[];
    Activity: string[];
}

const declarationPattern = /\b(catalog|role|competence|mark|person|scheme|activity)\s+([_a-zA-Z]\w*)/g;
const typeOfKeyword: Record<string, keyof DeclaredNames> = {
    catalog: 'Catalog', role: 'Role', competence: 'Competence', mark: 'Mark', person: 'Person', scheme: 'Scheme', activity: 'Activity'
};

export function emptyNames(): DeclaredNames {
    return { Catalog: [], Role: [], Competence: [], Mark: [], Person: [], Scheme: [], Activity: [] };
}

export function scanDeclarations(texts: Iterable<string>, into: DeclaredNames = emptyNames()): DeclaredNames {
    for (const text of texts) {
        for (const match of text.slice(0, 200_000).matchAll(declarationPattern)) {
            const list = into[typeOfKeyword[match[1]]];
            if (list.length < 200 && !list.includes(match[2])) list.push(match[2]);
        }
    }
    return into;
}

let ruleCodes: string[] | undefined;

/** The diagnostic codes the rules declare (read from the sources: `accept "<code>"` needs real ones). */
export function knownRuleCodes(): string[] {
    const folder = path.join(repositoryRoot, 'packages', 'language', 'src', 'validation');
    ruleCodes ??= [...new Set(fs.readdirSync(folder).flatMap(name =>
        [...fs.readFileSync(path.join(folder, name), 'utf8').matchAll(/'(certa\.[a-z0-9-]+\.[a-z0-9-]+)'/g)].map(m => m[1])))].sort();
    return ruleCodes;
}
