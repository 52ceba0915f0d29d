import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { CertaAstType, CertifiesDecl, Scheme, SchemeMember } from '../generated/ast.js';
import { isCertifiesDecl } from '../generated/ast.js';
import { nameOf, refTextOf } from '../helpers/node-properties.js';
import { defineRule } from './rule-catalog.js';

/**
 * A scheme says each single-valued thing once: a second `cycle`, `operatedUnder` or `surveillance`
 * block would otherwise be silently ignored (the first wins everywhere). Which members are
 * single-valued is a table, so a new member joins by adding a row.
 */
export const SchemeStructureRules = {
    repeatedMember: defineRule({
        code: 'certa.scheme-structure.repeated-member', severity: 'error', basis: 'Certa language',
        summary: 'A scheme states a single-valued property twice (`version`, `owner`, `certifies`, `operatedUnder`, `type`, `usesQms`, `scope`, `cycle`, `surveillance`, `recertification`); every rule and output would use the first and ignore the second.'
    })
} as const;

/**
 * The single-valued members, by AST type, with the words a designer knows them by. A key function
 * makes a member repeatable where values may differ: `certifies managementSystem X` once per
 * standard (an integrated scheme), but never the same standard twice nor two different subjects.
 */
const singleValued: Record<string, { words: string; key?: (member: SchemeMember) => string }> = {
    VersionDecl: { words: 'version' },
    OwnerDecl: { words: 'owner' },
    CertifiesDecl: { words: 'certifies', key: member => certifiesKey(member as CertifiesDecl) },
    OperatedUnderDecl: { words: 'operatedUnder' },
    SchemeTypeDecl: { words: 'type' },
    UsesQmsDecl: { words: 'usesQms' },
    ScopeDecl: { words: 'scope' },
    CycleDecl: { words: 'cycle' },
    Surveillance: { words: 'surveillance block' },
    Recertification: { words: 'recertification block' }
};

/** Management-system lines with different standards may coexist; anything else is one per scheme. */
function certifiesKey(decl: CertifiesDecl): string {
    return decl.subject === 'managementSystem' && decl.standard ? `managementSystem ${refTextOf(decl.standard)}` : 'certifies';
}

export const schemeStructureChecks: ValidationChecks<CertaAstType> = {
    Scheme: singleValuedMembersMustNotRepeat
};

function singleValuedMembersMustNotRepeat(scheme: Scheme, accept: ValidationAcceptor): void {
    const first = new Map<string, SchemeMember>();
    const subjects = new Map<string, CertifiesDecl>();
    for (const member of scheme.members ?? []) {
        const row = singleValued[member.$type];
        if (!row) continue;
        const key = `${member.$type}:${row.key ? row.key(member) : ''}`;
        const earlier = first.get(key) ?? (isCertifiesDecl(member) ? otherSubject(subjects, member) : undefined);
        if (earlier) {
            reportRepeat(scheme, member, earlier, row.words, accept);
            continue;
        }
        first.set(key, member);
        if (isCertifiesDecl(member) && member.subject) subjects.set(member.subject, member);
    }
}

/** A `certifies` line whose subject differs from an earlier one (product and managementSystem in one scheme). */
function otherSubject(subjects: Map<string, CertifiesDecl>, decl: CertifiesDecl): CertifiesDecl | undefined {
    return [...subjects.entries()].find(([subject]) => subject !== decl.subject)?.[1];
}

function reportRepeat(scheme: Scheme, member: SchemeMember, earlier: SchemeMember, words: string, accept: ValidationAcceptor): void {
    const line = (node: AstNode) => (node.$cstNode?.range.start.line ?? 0) + 1;
    const document = AstUtils.getDocument(scheme);
    const earlierRange = earlier.$cstNode?.range;
    const keyword = GrammarUtils.findNodeForKeyword(member.$cstNode, words.split(' ')[0])?.range;
    accept('error', `Scheme '${nameOf(scheme)}' already states its ${words} on line ${line(earlier)}; this second one would be ignored. Keep one: remove this line or merge it into the first (an integrated scheme certifies several management-system standards with one 'certifies managementSystem <standard>' line each).`, {
        node: member, range: keyword,
        data: { code: SchemeStructureRules.repeatedMember, deleteRange: member.$cstNode?.range },
        relatedInformation: earlierRange ? [{ location: { uri: document.uri.toString(), range: earlierRange }, message: `first ${words} of scheme '${nameOf(scheme)}'` }] : undefined
    });
}
