import './node20-polyfill.js';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCertaServices } from './certa-module.js';

// The language server: started by the VS Code extension (over IPC) or any LSP client (over stdio).
const connection = createConnection(ProposedFeatures.all);
const { shared } = createCertaServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
