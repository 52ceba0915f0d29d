/** Names Windows reserves for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file or folder name derived from an id: letters, digits, `_`, `-` and `.` only, never empty,
 * never `.`/`..` or a reserved device name, at most 100 characters. Ids in Certa are already
 * identifiers; this guards the paths against anything else reaching them.
 */
export function safeFileName(id: string): string {
    let name = id.normalize('NFKC').replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[.-]+/, '_').slice(0, 100);
    if (name === '') name = '_';
    if (RESERVED.test(name.split('.')[0])) name = `_${name}`;
    return name;
}

/**
 * Makes paths unique on case-insensitive file systems (`QMS/…` and `qms/…` would overwrite each
 * other on Windows and macOS) by suffixing later duplicates with `-2`, `-3`, ...
 */
export function uniquePaths(paths: readonly string[]): string[] {
    return paths.map(pathTaker());
}

/** uniquePaths one path at a time: each call answers the path it is given, made unique among those before. */
export function pathTaker(): (path: string) => string {
    const taken = new Set<string>();
    return path => {
        let candidate = path;
        for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${path}-${n}`;
        taken.add(candidate.toLowerCase());
        return candidate;
    };
}
