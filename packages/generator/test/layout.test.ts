import { describe, expect, it } from 'vitest';
import { columnWidths, fitToPage, PAGE_WIDTH, wrappedLines } from '../src/render/layout.js';
import { text } from '../src/report.js';

describe('XLSX layout estimates', () => {
    it('counts the lines of greedy word wrap, line breaks and words longer than a line', () => {
        // width 10 holds 11 characters a line (1.2 × 10 − 1).
        expect(wrappedLines('short', 10)).toBe(1);
        expect(wrappedLines('aaaa bbbbb cccc', 10)).toBe(2);
        expect(wrappedLines('aaaa\nbbbb\r\ncccc', 10)).toBe(3);
        expect(wrappedLines('x'.repeat(25), 10)).toBe(3);
        expect(wrappedLines('', 10)).toBe(1);
        // Runs of spaces and empty lines; a lone CR breaks a long text, and a word runs on after a broken one.
        expect(wrappedLines('aaaa   bbbbb  cccc dd', 10)).toBe(2);
        expect(wrappedLines('aaaa\n\nbbbb', 10)).toBe(3);
        expect(wrappedLines('aaaa bbbbb\rcccc dddd ee', 10)).toBe(3);
        expect(wrappedLines(`${'x'.repeat(13)} yy zzzzzz`, 10)).toBe(3);
    });

    it('narrows the columns to fit a page, long texts staying the widest, never below a header word', () => {
        const fitted = fitToPage([28, 36, 60, 60, 60, 28, 20, 20, 20], [6, 6, 10, 10, 19, 12, 11, 10, 6]);
        expect(fitted.reduce((a, b) => a + b)).toBeLessThanOrEqual(PAGE_WIDTH);
        expect(fitted[3]).toBeGreaterThan(fitted[0]);
        expect(fitted[3]).toBeGreaterThan(fitted[6]);
        expect(Math.min(...fitted)).toBeGreaterThanOrEqual(12);
        expect(fitToPage([20, 30], [6, 6])).toEqual([20, 30]);
        const wide = Array.from({ length: 12 }, () => 60);
        expect(fitToPage(wide, wide.map(() => 40))).toEqual(wide.map(() => 40));
        const section = {
            id: 's', heading: 'S', notes: [], rows: [[text('x'), text('y'.repeat(100))]],
            columns: [{ header: 'CertificateAdministrator' }, { header: 'Question' }]
        };
        const [first, second] = columnWidths(section);
        expect(first).toBeGreaterThan('CertificateAdministrator'.length);
        expect(second).toBe(60);
    });
});
