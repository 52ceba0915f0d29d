// Runs dist/certa.cjs (scripts/bundle.mjs) from V8's code cache when dist/certa.cjs.cache fits this
// Node: the functions a run compiled are read back instead of compiled again. A cache that does not
// fit (another Node, other V8 flags) is ignored, and the bundle compiles as usual.
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import vm from 'node:vm';

/** The bundle's exports (`main`), and the compiled script a warm-up writes the cache from. */
export function loadBundle(file) {
    const cacheFile = `${file}.cache`;
    const cachedData = fs.existsSync(cacheFile) ? fs.readFileSync(cacheFile) : undefined;
    const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
    const module = { exports: {} };
    script.runInThisContext()(module.exports, Module.createRequire(file), module, file, path.dirname(file));
    return { exports: module.exports, script, cacheFile };
}
