import type { ValidationChecks } from 'langium';
import type { CertaAstType } from '../generated/ast.js';
import type { CertaServices } from '../certa-module.js';
import { catalogStructureChecks } from './catalog-structure.js';

/**
 * The validator only merges the checks of each rule family; adding a rule touches its family's file.
 */
export const ruleFamilies: Array<ValidationChecks<CertaAstType>> = [
    catalogStructureChecks
];

export function registerValidationChecks(services: CertaServices): void {
    const registry = services.validation.ValidationRegistry;
    for (const checks of ruleFamilies) {
        registry.register(checks);
    }
}
