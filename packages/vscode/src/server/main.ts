// The language server as the extension ships it: the same services as `@certa/language`'s server,
// with the builtin catalogs read from next to the bundle (they are copied there at bundle time),
// the requests behind the extension's commands, and the guards that keep it serving when a client
// sends something malformed or a check fails on half-typed text (docs/editor.md, "When things fail").
// (Node 20 lacks Object.groupBy: the bundle banner carries the polyfill, ahead of every import.)
import * as path from 'node:path';
import { createCertaServices } from '@certa/language';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { registerCertaRequests } from './certa-requests.js';
import { logFailedBuilds, surviveUncaughtFailures } from './failure-guards.js';
import { guardConnection } from './guarded-connection.js';
import { KnownDocuments } from './known-documents.js';
import { didChangeWatchedFilesProblem, textDocumentProblem } from './message-checks.js';
import { ServerLog } from './server-log.js';
import { reportWorkspaceProgress } from './workspace-progress.js';
import { logInternalErrors, logStartup } from './startup-log.js';

const log = new ServerLog();
surviveUncaughtFailures(log);

const rawConnection = createConnection(ProposedFeatures.all);
log.useConsole(rawConnection.console);
// The services come after the connection they are made with; the connection calls no handler before `listen()`.
const known = new KnownDocuments();
const connection = guardConnection(rawConnection, {
    log,
    knowsDocument: (uri, token) => known.knows(uri, token),
    notificationChecks: {
        'textDocument/didOpen': params => known.openProblem(params),
        'textDocument/didChange': params => known.changeProblem(params),
        'textDocument/didClose': textDocumentProblem,
        'textDocument/didSave': textDocumentProblem,
        'textDocument/willSave': textDocumentProblem,
        'workspace/didChangeWatchedFiles': didChangeWatchedFilesProblem
    }
});

const { shared, Certa } = createCertaServices({ connection, ...NodeFileSystem }, {
    catalogDirectory: path.join(__dirname, 'catalogs')
});
known.attach(shared);
logFailedBuilds(shared.workspace.WorkspaceLock, log);
logStartup(shared, log);
logInternalErrors(shared, log);
registerCertaRequests(connection, Certa, (uri, token) => known.knows(uri, token));
reportWorkspaceProgress(connection, shared);
startLanguageServer(shared);
