import type { AstNode, MaybePromise, ValidationAcceptor, ValidationCategory, ValidationCheck } from 'langium';
import { AstUtils, isOperationCancelled, ValidationRegistry } from 'langium';
import type { CertaServices } from '../certa-module.js';
import type { WorkspaceFacts } from '../workspace/workspace-facts.js';
import { FactsPending } from '../workspace/workspace-facts.js';
import { InternalCodes, internalErrorMessage } from './internal-errors.js';

/**
 * Langium already runs each check behind its own try/catch; a failing check reports a Certa
 * internal-error diagnostic (with a code, so CI and the editor treat it like any other) on the
 * element it was checking. A check that needs the whole workspace while only part of it is read
 * is left out until it is (see WorkspaceFacts.whilePartial).
 */
export class CertaValidationRegistry extends ValidationRegistry {
    private readonly facts: () => WorkspaceFacts;

    /** getChecks' answers as arrays, by categories and node type; Langium builds a stream per node. */
    private readonly checksByType = new Map<string, Map<string, readonly ValidationCheck[]>>();

    constructor(services: CertaServices) {
        super(services);
        this.facts = () => services.crossFile.WorkspaceFacts;
    }

    /** The checks of each node type in the given categories (all when undefined), as one function; call it per document. */
    checksIn(categories: ValidationCategory[] | undefined): (type: string) => readonly ValidationCheck[] {
        const key = categories ? categories.join(' ') : '';
        let byType = this.checksByType.get(key);
        if (!byType) this.checksByType.set(key, byType = new Map());
        const known = byType;
        return type => {
            let checks = known.get(type);
            if (!checks) known.set(type, checks = this.getChecks(type, categories).toArray());
            return checks;
        };
    }

    protected override addEntry(type: string, entry: Parameters<ValidationRegistry['addEntry']>[1]): void {
        super.addEntry(type, entry);
        this.checksByType.clear();
    }

    /**
     * A synchronous check runs without the two promises per call of Langium's wrapper; with
     * CertaDocumentValidator not awaiting what is not a promise, that is a tenth of validation.
     */
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        const context = 'An error occurred during validation';
        return (node, accept, cancelToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                if (result instanceof Promise) return result.catch((error: unknown) => this.reportFailure(error, context, accept, node));
            } catch (error) {
                this.reportFailure(error, context, accept, node);
            }
            return undefined;
        };
    }

    protected override async handleException(
        functionality: () => MaybePromise<void>, messageContext: string, accept: ValidationAcceptor, node: AstNode
    ): Promise<void> {
        try {
            await functionality();
        } catch (error) {
            this.reportFailure(error, messageContext, accept, node);
        }
    }

    private reportFailure(error: unknown, messageContext: string, accept: ValidationAcceptor, node: AstNode): void {
        if (isOperationCancelled(error)) throw error;
        if (error instanceof FactsPending) {
            this.facts().askedWhilePartial(AstUtils.getDocument(node).uri.toString());
            return;
        }
        console.error(`${messageContext} on ${node.$type}:`, error);
        accept('error', internalErrorMessage(`checking this ${node.$type.toLowerCase()}`, error), {
            node, data: { code: InternalCodes.internalError }
        });
    }
}
