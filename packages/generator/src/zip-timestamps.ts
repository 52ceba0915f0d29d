/**
 * Sets every entry's modification time in a ZIP archive to 1980-01-01 00:00 (the earliest DOS
 * time), so that an XLSX written twice from the same input has the same bytes. The zip library
 * behind exceljs stamps each entry with the current time and offers no option to fix it.
 *
 * Walks the central directory (APPNOTE 4.3.12) and each entry's local header (4.3.7); sizes,
 * CRCs and offsets are untouched.
 */
export function fixZipTimestamps(zip: Uint8Array): Uint8Array {
    const bytes = new Uint8Array(zip);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const DOS_TIME = 0;
    const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
    let end = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
        if (view.getUint32(at, true) === 0x06054b50) {
            end = at;
            break;
        }
    }
    if (end < 0) throw new Error('not a ZIP archive: no end of central directory record');
    const entries = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < entries; i++) {
        if (view.getUint32(at, true) !== 0x02014b50) throw new Error('corrupt ZIP central directory');
        view.setUint16(at + 12, DOS_TIME, true);
        view.setUint16(at + 14, DOS_DATE, true);
        const local = view.getUint32(at + 42, true);
        if (view.getUint32(local, true) !== 0x04034b50) throw new Error('corrupt ZIP local header');
        view.setUint16(local + 10, DOS_TIME, true);
        view.setUint16(local + 12, DOS_DATE, true);
        at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return bytes;
}
