// Langium 4.4 and chevrotain 13 call Object.groupBy, which Node 20 lacks (Node 21+ has it). The one
// polyfill of the project: the CLI imports it first (`@certa/language/node20-polyfill`), the scripts
// and vitest load it with `--import` / `setupFiles`, and the extension bundles put it in their banner.
if (typeof Object.groupBy !== 'function') {
    Object.groupBy = function groupBy(items, keyOf) {
        const groups = Object.create(null);
        let index = 0;
        for (const item of items) {
            const key = keyOf(item, index++);
            (groups[key] ??= []).push(item);
        }
        return groups;
    };
}
if (typeof Map.groupBy !== 'function') {
    Map.groupBy = function groupBy(items, keyOf) {
        const groups = new Map();
        let index = 0;
        for (const item of items) {
            const key = keyOf(item, index++);
            const group = groups.get(key);
            if (group) group.push(item); else groups.set(key, [item]);
        }
        return groups;
    };
}
