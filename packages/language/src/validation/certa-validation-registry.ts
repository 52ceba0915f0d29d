import type { AstNode, MaybePromise, ValidationAcceptor } from 'langium';
import { isOperationCancelled, ValidationRegistry } from 'langium';
import { InternalCodes, internalErrorMessage } from './internal-errors.js';

/**
 * Langium already runs each check behind its own try/catch; a failing check reports a Certa
 * internal-error diagnostic (with a code, so CI and the editor treat it like any other) on the
 * element it was checking.
 */
export class CertaValidationRegistry extends ValidationRegistry {
    protected override async handleException(
        functionality: () => MaybePromise<void>, messageContext: string, accept: ValidationAcceptor, node: AstNode
    ): Promise<void> {
        try {
            await functionality();
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            console.error(`${messageContext} on ${node.$type}:`, error);
            accept('error', internalErrorMessage(`checking this ${node.$type.toLowerCase()}`, error), {
                node, data: { code: InternalCodes.internalError }
            });
        }
    }
}
