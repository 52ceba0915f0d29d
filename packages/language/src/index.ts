export * from './certa-module.js';
export * from './generated/ast.js';
export { CertaLanguageMetaData } from './generated/module.js';
export { BuiltinCatalogs } from './catalogs/builtin-catalogs.js';
export { clauseIndexOf, expandClauseRef, clauseRefText, ClauseIndex } from './scoping/clause-index.js';
export { nearestNames, compareNatural } from './scoping/nearest-names.js';
export { allRules, ruleInfo, type RuleInfo, type RuleSeverity } from './validation/rule-catalog.js';
export { loadWorkspace, diagnosticsOf, type LoadedWorkspace } from './workspace/workspace-loader.js';
