// What the language server's generate request shares with `certa generate`: an output folder that
// fails fast when it cannot be written, and atomic writes confined to its real path.
export { UsageError } from './cli-error.js';
export { writeFilesAtomically } from './atomic-output.js';
export { prepareOutputFolder } from './output-folder.js';
