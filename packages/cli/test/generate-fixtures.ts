import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Sources and helpers shared by the generate tests. */
export const examples = fileURLToPath(new URL('../../../examples', import.meta.url));

export const ROLES = `
competence AuditPrinciples "Audit principles" basis ISO17021_1 A.2.2
role Auditor "Auditor" { needs AuditPrinciples }
role DecisionMaker "Decision maker" { needs AuditPrinciples }
person alee "A. Lee" { qualified Auditor until 2030-01-01 }
person bking "B. King" { qualified DecisionMaker }
`;
export const scheme = (question: string, id = 'QMS') => `
scheme ${id} "ISO 9001 certification" {
    certifies managementSystem ISO9001
    operatedUnder ISO17021_1
    cycle 3 years
    activity stage1: stage1 audit by Auditor { covers ISO9001 4 .. 6 }
    activity stage2: stage2 audit by Auditor {
        covers ISO9001 4 .. 10
        check q1 "${question}" refs ISO9001 8.7
    }
    activity decision: decision by DecisionMaker
    surveillance every 12 months { activity annual: surveillanceAudit audit by Auditor { covers ISO9001 9 } }
    recertification before 36 months {
        activity recert: recertificationAudit audit by Auditor { covers ISO9001 4 .. 10 }
        activity renewal: decision by DecisionMaker
    }
}
`;
export const BROKEN = `scheme BAD "Broken" { activity a: stage1 audit by Nobody { check c "Ready?" refs ISO9001 4.4.3 } }`;

/** Every file under a folder (relative path → bytes). */
export function snapshot(folder: string): Map<string, Buffer> {
    const result = new Map<string, Buffer>();
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else result.set(path.relative(folder, full).split(path.sep).join('/'), fs.readFileSync(full));
        }
    };
    walk(folder);
    return result;
}
