import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { CertaAstType, CertifiesDecl, Scheme, SchemeMember } from '../generated/ast.js';
import { isCertifiesDecl, isRecertification, isSurveillance } from '../generated/ast.js';
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
const singleValued: Record<string, { words: string; states?: string; key?: (member: SchemeMember) => string }> = {
    VersionDecl: { words: 'version' },
    OwnerDecl: { words: 'owner' },
    CertifiesDecl: { words: 'certifies', states: 'what it certifies', key: member => certifiesKey(member as CertifiesDecl) },
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
            reportRepeat(scheme, member, earlier, row.words, row.states ?? `its ${row.words}`, accept);
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

/**
 * What to do, in words that lead to a clean scheme: a block is removed whole (its activities moved
 * first if needed), a second subject is not turned into another repeated line, and an integrated
 * scheme is the one case where `certifies` is repeated.
 */
function repeatAdvice(member: SchemeMember, earlier: SchemeMember): string {
    if (isSurveillance(member) || isRecertification(member)) {
        return 'Keep one block: move into the first any activity of this one that you still need, then remove this block.';
    }
    if (isCertifiesDecl(member) && isCertifiesDecl(earlier) && member.subject !== earlier.subject) {
        return `A scheme certifies one kind of subject: keep the 'certifies' line you mean and remove the other (only an integrated scheme repeats 'certifies', with one 'certifies managementSystem <standard>' line per standard).`;
    }
    if (isCertifiesDecl(member) && member.subject === 'managementSystem' && member.standard) {
        return `Remove this line: each standard is certified once (an integrated scheme has one 'certifies managementSystem <standard>' line per standard).`;
    }
    return 'Keep the one you mean and remove the other line.';
}

function reportRepeat(scheme: Scheme, member: SchemeMember, earlier: SchemeMember, words: string, states: string, accept: ValidationAcceptor): void {
    const line = (node: AstNode) => (node.$cstNode?.range.start.line ?? 0) + 1;
    const document = AstUtils.getDocument(scheme);
    const earlierRange = earlier.$cstNode?.range;
    const keyword = GrammarUtils.findNodeForKeyword(member.$cstNode, words.split(' ')[0])?.range;
    accept('error', `Scheme '${nameOf(scheme)}' already states ${states} on line ${line(earlier)}; this second one would be ignored. ${repeatAdvice(member, earlier)}`, {
        node: member, range: keyword,
        data: { code: SchemeStructureRules.repeatedMember, deleteRange: member.$cstNode?.range },
        relatedInformation: earlierRange ? [{ location: { uri: document.uri.toString(), range: earlierRange }, message: `first ${words} of scheme '${nameOf(scheme)}'` }] : undefined
    });
}
