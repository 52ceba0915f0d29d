import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A ZIP archive (APPNOTE 6.3) written in one pass from entries held in memory: what an XLSX
 * needs and no more. Deterministic by construction: entries in the order given, every time stamp
 * 1980-01-01 00:00 (the earliest DOS time), no extra fields. Deflate at level 1: workbooks of
 * tens of thousands of rows spent most of their time compressing, and level 1 is within a few per
 * cent of level 6 on spreadsheet XML.
 */
export interface ZipEntry {
    name: string;
    data: Uint8Array;
}

const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const UTF8_NAMES = 1 << 11;

export function zip(entries: readonly ZipEntry[]): Uint8Array {
    const parts: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    for (const entry of entries) {
        const name = Buffer.from(entry.name, 'utf8');
        const compressed = deflateRawSync(entry.data, { level: 1 });
        const crc = crc32(entry.data);
        if (offset > 0xffffffff || entry.data.length > 0xffffffff) throw new Error('ZIP archive too large (ZIP64 is not written)');
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
        local.writeUInt16LE(UTF8_NAMES, 6);
        local.writeUInt16LE(8, 8); // deflate
        local.writeUInt16LE(DOS_TIME, 10);
        local.writeUInt16LE(DOS_DATE, 12);
        local.writeUInt32LE(crc, 14);
        local.writeUInt32LE(compressed.length, 18);
        local.writeUInt32LE(entry.data.length, 22);
        local.writeUInt16LE(name.length, 26);
        local.writeUInt16LE(0, 28);
        const header = Buffer.alloc(46);
        header.writeUInt32LE(0x02014b50, 0);
        header.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
        header.writeUInt16LE(20, 6);
        header.writeUInt16LE(UTF8_NAMES, 8);
        header.writeUInt16LE(8, 10);
        header.writeUInt16LE(DOS_TIME, 12);
        header.writeUInt16LE(DOS_DATE, 14);
        header.writeUInt32LE(crc, 16);
        header.writeUInt32LE(compressed.length, 20);
        header.writeUInt32LE(entry.data.length, 24);
        header.writeUInt16LE(name.length, 28);
        header.writeUInt32LE(offset, 42);
        central.push(header, name);
        parts.push(local, name, compressed);
        offset += local.length + name.length + compressed.length;
    }
    const centralSize = central.reduce((n, part) => n + part.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(offset, 16);
    return new Uint8Array(Buffer.concat([...parts, ...central, end]));
}
