import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { createTestServices } from './test-services.js';

describe('the service registry', () => {
    it('gives Certa files, and only them, the Certa services', async () => {
        const services = await createTestServices();
        const registry = services.shared.ServiceRegistry;
        for (const path of ['/w/scheme.certa', '/w/a.b/c.d.certa']) expect(registry.getServices(URI.file(path)), path).toBe(services);
        for (const path of ['/w/notes.txt', '/w/.certa', '/w/certa', '/w/scheme.certa.bak']) {
            expect(registry.hasServices(URI.file(path)), path).toBe(false);
            expect(() => registry.getServices(URI.file(path)), path).toThrow(/no services for the extension/);
        }
    });

    it('gives an open document the language the editor named, whatever its name', async () => {
        const services = await createTestServices();
        const uri = URI.parse('untitled:Untitled-1');
        expect(services.shared.ServiceRegistry.hasServices(uri)).toBe(false);
        services.shared.workspace.TextDocuments?.set(TextDocument.create(uri.toString(), 'certa', 1, 'catalog X "x" {}'));
        expect(services.shared.ServiceRegistry.getServices(uri)).toBe(services);
    });
});
