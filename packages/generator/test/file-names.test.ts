import { describe, expect, it } from 'vitest';
import { safeFileName, uniquePaths } from '../src/index.js';

describe('file names derived from ids', () => {
    it.each([
        ['QMS_9001', 'QMS_9001'],
        ['../../etc/passwd', '__.._etc_passwd'],
        ['a/b\\c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j'],
        ['..', '_'],
        ['.hidden', '_hidden'],
        ['', '_'],
        ['CON', '_CON'],
        ['lpt1.scheme', '_lpt1.scheme'],
        ['x'.repeat(300), 'x'.repeat(100)]
    ])('%j becomes %j', (id, name) => {
        expect(safeFileName(id)).toBe(name);
    });

    it('keeps paths apart on case-insensitive file systems', () => {
        expect(uniquePaths(['QMS/checklist', 'qms/checklist', 'Qms/checklist', 'other'])).toEqual([
            'QMS/checklist', 'qms/checklist-2', 'Qms/checklist-3', 'other'
        ]);
    });
});
