// The bundler maps '@certa/language/model' to this folder; Node resolves it through package.json exports.
export * from './certa-model.js';
