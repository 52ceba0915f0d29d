import type { ValidationChecks } from 'langium';
import type { CertaAstType } from '../generated/ast.js';
import type { CertaServices } from '../certa-module.js';
import { acceptanceChecks } from './acceptance.js';
import { catalogStructureChecks } from './catalog-structure.js';
import { competenceChecks } from './competence.js';
import { guide53Checks } from './guide-53.js';
import { impartialityChecks } from './impartiality.js';
import { iso9001ScopeChecks } from './iso-9001-scope.js';
import { markChecks } from './marks.js';
import { programmeChecks } from './programme.js';
import { referenceChecks } from './references.js';
import { schemeTypeChecks } from './scheme-type.js';
import { standardFitChecks } from './standard-fit.js';

/**
 * The validator only merges the checks of each rule family; adding a rule touches its family's file.
 */
export type RuleFamily = ValidationChecks<CertaAstType> | ((services: CertaServices) => ValidationChecks<CertaAstType>);

/** Families that read other documents (the index, the person register) are functions of the services. */
export const ruleFamilies: RuleFamily[] = [
    catalogStructureChecks,
    referenceChecks,
    schemeTypeChecks,
    standardFitChecks,
    impartialityChecks,
    competenceChecks,
    guide53Checks,
    markChecks,
    iso9001ScopeChecks,
    programmeChecks,
    acceptanceChecks
];

export function registerValidationChecks(services: CertaServices): void {
    const registry = services.validation.ValidationRegistry;
    for (const family of ruleFamilies) {
        registry.register(typeof family === 'function' ? family(services) : family);
    }
}
