import type { AstNode } from 'langium';
import type { Activity, Appeals, CertificateDecl, Complaints, ExternalBody, Lifecycle, LifecycleMember, Scheme } from '../generated/ast.js';
import { isAppeals, isCertificateDecl, isComplaints, isExternalBody, isLifecycle } from '../generated/ast.js';
import { firstMember, membersOf } from './scheme-facts.js';

/**
 * What a scheme says about how it is operated: its lifecycle (special audits, suspension,
 * withdrawal, changes, transfer), external bodies, complaints and appeals, certificate.
 * A scheme that describes any of these is held to describing all of them (operation rules are
 * opt-in for now: schemes that say nothing about their operation are not reported).
 */

export function lifecycleOf(scheme: Scheme): Lifecycle | undefined {
    return firstMember(scheme, isLifecycle);
}

export function lifecycleMembers<T extends LifecycleMember>(scheme: Scheme, guard: (node: unknown) => node is T): T[] {
    return (lifecycleOf(scheme)?.members ?? []).filter(guard);
}

export function externalBodiesOf(scheme: Scheme): readonly ExternalBody[] {
    return membersOf(scheme, isExternalBody);
}

export function complaintsOf(scheme: Scheme): Complaints | undefined {
    return firstMember(scheme, isComplaints);
}

export function appealsOf(scheme: Scheme): Appeals | undefined {
    return firstMember(scheme, isAppeals);
}

export function certificateOf(scheme: Scheme): CertificateDecl | undefined {
    return firstMember(scheme, isCertificateDecl);
}

/** The first member by which a scheme describes its operation; undefined when it describes none. */
export function operationDescription(scheme: Scheme): AstNode | undefined {
    return firstMember(scheme, describesOperation);
}

function describesOperation(m: unknown): m is Lifecycle | ExternalBody | Complaints | Appeals | CertificateDecl {
    return isLifecycle(m) || isExternalBody(m) || isComplaints(m) || isAppeals(m) || isCertificateDecl(m);
}

/** The keyword a member starts with, for messages: `lifecycle`, `complaints`, … */
export function operationKeyword(node: AstNode): string {
    return ({ Lifecycle: 'lifecycle', ExternalBody: 'externalBody', Complaints: 'complaints', Appeals: 'appeals', CertificateDecl: 'certificate' } as Record<string, string>)[node.$type] ?? node.$type;
}

/** Resolved activities an external body performs. */
export function performedBy(body: ExternalBody): Activity[] {
    return (body.activities ?? []).map(r => r.ref).filter((a): a is Activity => a !== undefined);
}
