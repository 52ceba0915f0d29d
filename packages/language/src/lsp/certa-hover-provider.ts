import type { AstNode, AstNodeLocator, IndexManager, LangiumDocument, LangiumDocuments, MaybePromise, URI } from 'langium';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, UriUtils } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { BuiltinCatalogs } from '../catalogs/builtin-catalogs.js';
import type { CertaServices } from '../certa-module.js';
import type { Activity, Catalog, Clause, Competence, ExternalBody, Grade, Mark, Person, Role, Scheme } from '../generated/ast.js';
import { sampleSourceOf, samplingPlanOf } from '../validation/scheme-facts.js';
import {
    isActivity, isAuditTimeTable, isCatalog, isClause, isClient, isCompetence, isExternalBody, isGrade, isMark, isPerson, isRole, isScheme, isSchemeType
} from '../generated/ast.js';
import { certifiedStandards } from '../validation/integrated-coverage.js';
import { gradeLevel } from '../validation/nonconformity.js';
import { durationText } from '../validation/scheme-facts.js';
import { programmeHoverLines } from '../programme/programme-summary.js';
import { programmeIfKnown } from '../programme/workspace-programmes.js';
import { refTextOf } from '../helpers/node-properties.js';
import { clauseRefText } from '../scoping/clause-index.js';
import { clauseLabel, parentClauses, unquote } from './declaration-text.js';
import { realisedElements } from './functional-elements.js';
import { keywordDescription } from './keyword-descriptions.js';

/** How many places a hover lists before it only counts the rest. */
const MAX_USES = 5;

/**
 * Hover that answers a reviewer's questions without leaving the file: for a clause reference the
 * catalog, number, heading, the clauses it sits in and where else the workspace uses it; for roles,
 * competences, activities, marks and people what they are and what they need.
 */
export class CertaHoverProvider extends AstNodeHoverProvider {
    private readonly indexManager: IndexManager;
    private readonly documents: LangiumDocuments;
    private readonly astNodeLocator: AstNodeLocator;
    private readonly services: CertaServices;
    private readonly builtins: BuiltinCatalogs;

    constructor(services: CertaServices) {
        super(services);
        this.services = services;
        this.indexManager = services.shared.workspace.IndexManager;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.astNodeLocator = services.workspace.AstNodeLocator;
        this.builtins = services.catalogs.BuiltinCatalogs;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        return this.activityKindHover(document, params) ?? await super.getHoverContent(document, params);
    }

    /** On a keyword: what it means, from the one table docs/language.md repeats. */
    protected override getKeywordHoverContent(keyword: GrammarAST.Keyword): Hover | undefined {
        const description = keywordDescription(keyword.value);
        return description ? { contents: { kind: 'markdown', value: `**${keyword.value}**: ${description}` } } : undefined;
    }

    /** On `determination testing` of an activity: the functional elements that kind of activity realises. */
    private activityKindHover(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, offset);
        const activity = leaf?.astNode;
        if (!leaf || !isActivity(activity) || !activity.$cstNode) return undefined;
        const onKind = ['kind', 'method'].some(property => {
            const node = GrammarUtils.findNodeForProperty(activity.$cstNode, property);
            return node !== undefined && node.offset <= leaf.offset && leaf.end <= node.end;
        });
        if (!onKind) return undefined;
        const realised = realisedElements(activity, this.documents);
        const what = [activity.kind, activity.method].filter(Boolean).join(' ');
        const meaning = GrammarAST.isKeyword(leaf.grammarSource) ? keywordDescription(leaf.text) : undefined;
        const value = [
            realised.length > 0
                ? [`**${what}** realises:`, ...realised.map(e => `- ${e.catalog} ${clauseLabel(e.clause)}`)].join('\n')
                : `**${what}** realises no functional element of the loaded catalogs here.`,
            ...(meaning ? [`**${leaf.text}**: ${meaning}`] : [])
        ].join('\n\n');
        return { contents: { kind: 'markdown', value } };
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (isClause(node)) return this.clause(node);
        if (isCatalog(node)) return this.catalog(node);
        if (isRole(node)) return this.role(node);
        if (isCompetence(node)) return this.competence(node);
        if (isActivity(node)) return this.activity(node);
        if (isMark(node)) return this.mark(node);
        if (isPerson(node)) return this.person(node);
        if (isScheme(node)) return this.scheme(node);
        if (isGrade(node)) return this.grade(node);
        if (isExternalBody(node)) return this.externalBody(node);
        if (isSchemeType(node)) return `**Scheme type ${node.name}**: ${unquote(node.title)}`;
        if (isClient(node)) {
            const programme = programmeIfKnown(this.services, node);
            return programme ? programmeHoverLines(programme).join('\n\n') : `**Client ${node.name ?? ''}**: the programme is computed once the workspace is read.`;
        }
        if (isAuditTimeTable(node)) {
            const source = node.source ? `\n\nSource: ${unquote(node.source)}${node.confidence ? ` (${node.confidence})` : ''}` : '';
            return `**Audit-time table ${node.name ?? ''}**: ${unquote(node.title)}${source}`;
        }
        return undefined;
    }

    private clause(clause: Clause): string {
        const catalog = AstUtils.getContainerOfType(clause, isCatalog);
        const lines = [`**${catalog?.name ?? ''} ${clause.name}** ${clause.heading ? unquote(clause.heading) : '_(no heading)_'}`];
        if (catalog) lines.push(`${catalogTitle(catalog)}`);
        const parents = parentClauses(clause);
        if (parents.length > 0) lines.push(`In: ${parents.map(clauseLabel).join(' › ')}`);
        if (clause.summary) lines.push(`_${unquote(clause.summary)}_`);
        if (clause.mayBeNotApplicable) lines.push('May be declared not applicable (with a justification).');
        if (clause.expectedOutcome) lines.push(`Expected outcome ${unquote(clause.expectedOutcome)}: surveillance audits must cover it.`);
        lines.push(this.uses(clause));
        return lines.join('\n\n');
    }

    private catalog(catalog: Catalog): string {
        const lines = [`**${catalog.name}**: ${catalogTitle(catalog)}`];
        if (catalog.governs) lines.push(`Governs ${catalog.governs === 'productCertification' ? 'product' : 'management-system'} certification.`);
        lines.push(this.uses(catalog));
        return lines.join('\n\n');
    }

    private role(role: Role): string {
        const lines = [`**Role ${role.name}**: ${unquote(role.title)}`];
        if (role.summary) lines.push(`_${unquote(role.summary)}_`);
        if (role.needs.length > 0) lines.push(`Needs: ${role.needs.map(c => c.ref ? `${c.$refText} (${unquote(c.ref.title)})` : c.$refText).join(', ')}`);
        lines.push(this.uses(role));
        return lines.join('\n\n');
    }

    private competence(competence: Competence): string {
        const lines = [`**Competence ${competence.name}**: ${unquote(competence.title)}`];
        if (competence.summary) lines.push(`_${unquote(competence.summary)}_`);
        if (competence.basis.length > 0) lines.push(`Basis: ${competence.basis.map(clauseRefText).join(', ')}`);
        if (competence.areas.length > 0) lines.push(`Areas: ${competence.areas.map(clauseRefText).join(', ')}`);
        lines.push(this.uses(competence));
        return lines.join('\n\n');
    }

    private activity(activity: Activity): string {
        const what = [activity.kind, activity.method].filter(Boolean).join(' ');
        const lines = [`**Activity ${activity.name}**: ${what}`];
        if (activity.performers.length > 0) lines.push(`By: ${activity.performers.map(p => p.$refText).join(', ')}`);
        const source = sampleSourceOf(activity);
        if (source) lines.push(`Samples from the ${source}`);
        const plan = samplingPlanOf(activity);
        if (plan) lines.push(`Sampling plan: ${unquote(plan.what ?? '')}${plan.count !== undefined ? `, ${plan.count} items` : ''}${plan.interval ? `, every ${plan.interval.value} ${plan.interval.unit}` : ''}${plan.rule ? `, ${unquote(plan.rule)}` : ''}`);
        const scheme = AstUtils.getContainerOfType(activity, isScheme);
        const outsourced = (scheme?.members ?? []).filter(isExternalBody).filter(body => (body.activities ?? []).some(ref => ref.ref === activity));
        if (outsourced.length > 0) lines.push(`Outsourced to: ${outsourced.map(body => body.name).join(', ')}`);
        if (activity.issues.length > 0) lines.push(`Issues: ${activity.issues.join(', ')}`);
        if (activity.licenses.length > 0) lines.push(`Licenses: ${activity.licenses.map(m => m.$refText).join(', ')}`);
        const covered = activity.members.flatMap(m => m.$type === 'Coverage' ? m.refs.map(clauseRefText) : []);
        if (covered.length > 0) lines.push(`Covers: ${covered.join(', ')}`);
        const checks = activity.members.filter(m => m.$type === 'Check').length;
        if (checks > 0) lines.push(`${checks} check${checks === 1 ? '' : 's'}`);
        const realised = realisedElements(activity, this.documents);
        if (realised.length > 0) {
            lines.push(`Realises: ${realised.map(e => `${e.catalog} ${clauseLabel(e.clause)}`).join('; ')}`);
        }
        return lines.join('\n\n');
    }

    private mark(mark: Mark): string {
        const lines = [`**Mark ${mark.name}**: ${unquote(mark.description)}`];
        if (mark.shape) lines.push(`Shape: ${mark.shape}`);
        if (mark.uses.length > 0) lines.push(`On: ${mark.uses.join(', ')}`);
        lines.push(this.uses(mark));
        return lines.join('\n\n');
    }

    private externalBody(body: ExternalBody): string {
        const lines = [`**External body ${body.name}**: ${unquote(body.title ?? '')}`];
        const accreditations = (body.accreditations ?? []).map(a => a.reference ? `${a.standard} (${unquote(a.reference)})` : a.standard);
        if (accreditations.length > 0) lines.push(`Accredited to: ${accreditations.join(', ')}`);
        if ((body.activities ?? []).length > 0) lines.push(`Performs: ${body.activities.map(a => a.$refText).join(', ')}`);
        if ((body.agreement ?? []).length > 0) lines.push(`Agreement covers: ${body.agreement.join(', ')}`);
        return lines.join('\n\n');
    }

    private person(person: Person): string {
        const lines = [`**${unquote(person.fullName)}** (${person.name})`];
        const qualified = person.qualifications.map(q => [refTextOf(q?.role), q?.expires ? `until ${q.expires}` : '',
            q?.evaluated ? `evaluated ${q.evaluated}` : '', q?.witnessed ? `witnessed ${q.witnessed}` : ''].filter(Boolean).join(' '));
        if (qualified.length > 0) lines.push(`Qualified: ${qualified.join(', ')}`);
        if (person.competences.length > 0) lines.push(`Competent: ${person.competences.map(c => c.$refText).join(', ')}`);
        if (person.evidence.length > 0) lines.push(`Evidence: ${person.evidence.length} record${person.evidence.length === 1 ? '' : 's'}`);
        return lines.join('\n\n');
    }

    private scheme(scheme: Scheme): string {
        const lines = [`**Scheme ${scheme.name}**: ${unquote(scheme.title)}`];
        const standards = certifiedStandards(scheme);
        if (standards.length > 1) lines.push(`Integrated: certifies ${standards.map(s => s.name).join(', ')}`);
        return lines.join('\n\n');
    }

    private grade(grade: Grade): string {
        const level = gradeLevel(grade);
        const lines = [`**Grade ${grade.name}**: ${unquote(grade.title)}${level && level !== grade.name ? ` (${level})` : ''}`];
        if (grade.meaning) lines.push(`_${unquote(grade.meaning)}_`);
        const deadlines = [
            grade.correction ? `correction within ${durationText(grade.correction)}` : undefined,
            grade.correctiveAction ? `corrective action within ${durationText(grade.correctiveAction)}` : undefined
        ].filter(Boolean);
        if (deadlines.length > 0) lines.push(`Deadlines: ${deadlines.join(', ')}`);
        if (grade.verification) lines.push(`Verified ${grade.verification}${grade.beforeDecision ? ', before the decision' : ''}`);
        return lines.join('\n\n');
    }

    /** Where the workspace refers to a declaration, from the reference index (no document scan). */
    private uses(node: AstNode): string {
        // The builtin question banks ask about every clause: uses there are not the workspace's.
        const uses = this.indexManager.findAllReferences(node, this.astNodeLocator.getAstNodePath(node))
            .filter(use => !this.isQuestionBankUse(use.sourceUri)).toArray();
        if (uses.length === 0) {
            return 'Not referenced in the workspace.';
        }
        const listed = uses.slice(0, MAX_USES).map(use => {
            const name = UriUtils.basename(use.sourceUri);
            const line = use.segment.range.start.line + 1;
            const container = this.containerName(use.sourceUri, use.sourcePath);
            return `- ${name}:${line}${container ? ` (${container})` : ''}`;
        });
        const more = uses.length > MAX_USES ? [`- … and ${uses.length - MAX_USES} more`] : [];
        return [`Used ${uses.length} time${uses.length === 1 ? '' : 's'}:`, ...listed, ...more].join('\n');
    }

    private isQuestionBankUse(uri: URI): boolean {
        return this.builtins.isBuiltin(uri) && UriUtils.basename(uri).endsWith('.questions.certa');
    }

    /** The activity or declaration a reference sits in, so `Used in` reads `(activity factoryAudit)`. */
    private containerName(uri: URI, path: string): string | undefined {
        const document = this.documents.getDocument(uri);
        if (!document) return undefined;
        let node: AstNode | undefined = this.astNodeLocator.getAstNode(document.parseResult.value, path);
        while (node) {
            if (isActivity(node)) return `activity ${node.name}`;
            if (isRole(node) || isCompetence(node) || isPerson(node) || isScheme(node)) {
                return `${node.$type.toLowerCase()} ${node.name}`;
            }
            node = node.$container;
        }
        return undefined;
    }
}

function catalogTitle(catalog: Catalog): string {
    const edition = catalog.edition ? ` (${unquote(catalog.edition)})` : '';
    return `${unquote(catalog.title)}${edition}`;
}
