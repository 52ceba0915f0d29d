/** What every command needs from the program: the version to report and where to put its exit code. */
export interface CommandContext {
    readonly version: string;
    exitCode: number;
}
