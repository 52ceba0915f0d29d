/**
 * What the scheme-level keywords of integrated schemes and nonconformity grades mean, for hover on
 * the keyword itself (a designer meets them in an example and wants to know what they commit to).
 */
export const keywordHovers: Readonly<Record<string, string>> = {
    combine: '**combine** *clauses* **with** *standard*: in an integrated scheme (IAF MD 11), an audit of these clauses counts as an audit of the clauses of the same number in the other certified standard, and back (harmonized structure).',
    grade: '**grade** *name* "*title*" [**as** major|minor|observation] { … }: a grade of audit finding the scheme uses, with its meaning, deadlines and how it is verified (ISO/IEC 17021-1 9.4.5, 9.4.9, 9.5.2).',
    correction: '**correction within** *duration*: the time the client has to correct the nonconformity (ISO/IEC 17021-1 9.4.9).',
    correctiveAction: '**correctiveAction within** *duration*: the time the client has to remove the cause; for majors at most 6 months after stage 2, or stage 2 is repeated (ISO/IEC 17021-1 9.4.9, 9.5.3).',
    verified: '**verified** onSite|byDocuments|atNextAudit [**beforeDecision**]: how the body verifies correction and corrective action; majors before the decision (ISO/IEC 17021-1 9.5.2).',
    beforeDecision: '**beforeDecision**: the finding is verified closed before certification is granted or renewed (ISO/IEC 17021-1 9.5.2).',
    means: '**means** "*text*": what the grade means, in the scheme\'s own words.'
};
