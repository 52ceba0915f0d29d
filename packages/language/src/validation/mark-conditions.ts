import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { CertaAstType, Mark, Scheme } from '../generated/ast.js';
import { isScheme } from '../generated/ast.js';
import { nameOf } from '../helpers/node-properties.js';
import { defineRule } from './rule-catalog.js';
import { activitiesOf, marksOf } from './scheme-facts.js';
import { operationDescription } from './operation-facts.js';

/**
 * A mark's conditions of use and the handling of its misuse (ISO/IEC 17065 4.1.3; ISO/IEC 17021-1
 * 8.3): a scheme that describes its operation states them for every mark it declares or licenses.
 */
export const MarkConditionRules = {
    missingConditions: defineRule({
        code: 'certa.marks.missing-conditions', severity: 'error', basis: 'ISO/IEC 17065:2012 4.1.3; ISO/IEC 17021-1:2015 8.3',
        summary: 'A scheme that describes its operation declares or licenses a mark without conditions of use (`conditions "…"`).'
    }),
    missingMisuseHandling: defineRule({
        code: 'certa.marks.missing-misuse-handling', severity: 'error', basis: 'ISO/IEC 17065:2012 4.1.3; ISO/IEC 17021-1:2015 8.3',
        summary: 'A mark states conditions of use but not how misuse is dealt with (`misuse "…"`).'
    })
} as const;

export const markConditionChecks: ValidationChecks<CertaAstType> = {
    Scheme: marksOfOperatedSchemeMustHaveConditions,
    Mark: markWithConditionsMustSayHowMisuseIsHandled
};

function marksOfOperatedSchemeMustHaveConditions(scheme: Scheme, accept: ValidationAcceptor): void {
    if (!operationDescription(scheme)) return;
    const marks = new Set<Mark>(marksOf(scheme));
    activitiesOf(scheme).forEach(({ activity }) => activity.licenses.forEach(ref => { if (ref.ref) marks.add(ref.ref); }));
    for (const mark of marks) {
        if (mark.conditions) continue;
        // A shared mark declared outside the scheme carries the diagnostic in this scheme's document only when declared here.
        const own = isScheme(mark.$container) && mark.$container === scheme;
        // A mark that already says how misuse is handled needs its conditions only: a second 'misuse' would replace the first.
        const andMisuse = mark.misuse ? '' : ` and 'misuse "…"' (what the body does about incorrect use)`;
        const text = `Mark '${nameOf(mark)}' has no conditions of use. Add 'conditions "…"' (who may use it, on what, how it is shown with the certificate number)${andMisuse} (ISO/IEC 17065:2012 4.1.3; ISO/IEC 17021-1:2015 8.3).`;
        if (own) {
            accept('error', text, {
                node: mark, property: 'name',
                data: { code: MarkConditionRules.missingConditions, insertAt: mark.$cstNode?.range.end, insertText: ` conditions "TODO: who may use the mark, on what and how"${mark.misuse ? '' : ' misuse "TODO: what the body does about incorrect use"'}`, fixTitle: mark.misuse ? 'Add a conditions-of-use placeholder' : 'Add conditions of use and misuse placeholders' }
            });
        } else {
            const activity = activitiesOf(scheme).map(a => a.activity).find(a => a.licenses.some(ref => ref.ref === mark));
            if (activity) {
                accept('error', text, { node: activity, property: 'licenses', index: activity.licenses.findIndex(ref => ref.ref === mark), data: { code: MarkConditionRules.missingConditions } });
            }
        }
    }
}

function markWithConditionsMustSayHowMisuseIsHandled(mark: Mark, accept: ValidationAcceptor): void {
    if (!mark.conditions || mark.misuse) return;
    accept('error', `Mark '${nameOf(mark)}' states conditions of use but not how misuse is dealt with. Add 'misuse "…"', e.g. "corrective action, suspension or withdrawal of the licence, publication, legal action" (ISO/IEC 17065:2012 4.1.3; ISO/IEC 17021-1:2015 8.3).`, {
        node: mark, property: 'name',
        data: { code: MarkConditionRules.missingMisuseHandling, insertAt: mark.$cstNode?.range.end, insertText: ' misuse "TODO: what the body does about incorrect use"', fixTitle: 'Add a misuse placeholder' }
    });
}
