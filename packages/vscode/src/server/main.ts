// The language server as the extension ships it: the same services as `@certa/language`'s server,
// with the builtin catalogs read from next to the bundle (they are copied there at bundle time)
// and the requests behind the extension's commands.
// (Node 20 lacks Object.groupBy: the bundle banner carries the polyfill, ahead of every import.)
import * as path from 'node:path';
import { createCertaServices } from '@certa/language';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { registerCertaRequests } from './certa-requests.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Certa } = createCertaServices({ connection, ...NodeFileSystem }, {
    catalogDirectory: path.join(__dirname, 'catalogs')
});
registerCertaRequests(connection, Certa);
startLanguageServer(shared);
