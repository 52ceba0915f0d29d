import type { ValidationChecks } from 'langium';
import type { CertaAstType } from '../generated/ast.js';
import type { CertaServices } from '../certa-module.js';
import { acceptanceChecks } from './acceptance.js';
import { catalogStructureChecks } from './catalog-structure.js';
import { certificateChecks } from './certificates.js';
import { complaintsAppealsChecks } from './complaints-appeals.js';
import { competenceChecks } from './competence.js';
import { externalBodyChecks } from './external-bodies.js';
import { guide53Checks } from './guide-53.js';
import { impartialityChecks } from './impartiality.js';
import { msScopeChecks } from './ms-scope.js';
import { lifecycleChecks } from './lifecycle.js';
import { procedureChecks } from './procedures-addressed.js';
import { markConditionChecks } from './mark-conditions.js';
import { markChecks } from './marks.js';
import { measurementChecks } from './measurement.js';
import { nonconformityChecks } from './nonconformity.js';
import { programmeChecks } from './programme.js';
import { specialAuditChecks } from './special-audits.js';
import { referenceChecks } from './references.js';
import { schemeStructureChecks } from './scheme-structure.js';
import { samplingChecks } from './sampling.js';
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
    schemeStructureChecks,
    schemeTypeChecks,
    standardFitChecks,
    impartialityChecks,
    competenceChecks,
    guide53Checks,
    markChecks,
    msScopeChecks,
    nonconformityChecks,
    measurementChecks,
    // Operating the scheme: sampling plans, lifecycle, external bodies, complaints and appeals, certificates, mark conditions.
    samplingChecks,
    lifecycleChecks,
    externalBodyChecks,
    complaintsAppealsChecks,
    certificateChecks,
    markConditionChecks,
    procedureChecks,
    programmeChecks,
    specialAuditChecks,
    acceptanceChecks
];

export function registerValidationChecks(services: CertaServices): void {
    const registry = services.validation.ValidationRegistry;
    for (const family of ruleFamilies) {
        registry.register(typeof family === 'function' ? family(services) : family);
    }
}
