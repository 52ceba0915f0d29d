/**
 * The JSON Schema of `certa.json`. `packages/language/schemas/certa.schema.json` is this object as
 * JSON (a test keeps them equal); the CLI and the language server validate with it, and the VS Code
 * extension contributes the file to the editor's JSON validation.
 */
export const certaConfigSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://certa.invalid/schemas/certa.schema.json',
    title: 'Certa workspace (certa.json)',
    description: 'Which folders make one Certa workspace, and the defaults of certa validate and certa generate. Paths are relative to this file.',
    type: 'object',
    additionalProperties: false,
    properties: {
        $schema: { type: 'string', description: 'Where this schema is, for editors.' },
        sources: {
            type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1,
            description: 'Folders holding the schemes; certa validate and certa generate with no paths read these. Default: the folder of certa.json.'
        },
        shared: {
            type: 'array', items: { type: 'string', minLength: 1 },
            description: 'Folders loaded with every source: roles, competences, people, your own catalogs.'
        },
        coverageCatalogs: {
            type: 'array', items: { type: 'string', pattern: '^[_a-zA-Z][\\w]*$' }, minItems: 1,
            description: 'Catalogs certa generate writes clause coverage matrices for. Default: the standards each scheme certifies.'
        },
        today: {
            type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
            description: 'The day qualification expiry is judged on (YYYY-MM-DD). Default: today.'
        },
        strict: { type: 'boolean', description: 'Warnings fail certa validate as errors do.' },
        output: {
            type: 'object',
            additionalProperties: false,
            description: 'What certa generate writes.',
            properties: {
                folder: { type: 'string', minLength: 1, description: 'The folder certa generate writes to (its --out).' },
                formats: {
                    type: 'array', minItems: 1, uniqueItems: true,
                    items: { enum: ['md', 'html', 'csv', 'xlsx', 'json'] },
                    description: 'The formats certa generate writes (its --format).'
                },
                documents: {
                    type: 'array', minItems: 1, uniqueItems: true,
                    items: { enum: ['checklist', 'scheme-document', 'conformity-checklist', 'coverage-matrix', 'competence-matrix'] },
                    description: 'The documents certa generate writes (its --documents). Default: all.'
                }
            }
        }
    }
} as const;
