export * from './engine';
export * from './package';
export * from './sandbox';
export type { CredentialStore } from './credentials-helper';
export * from './flows';
export { testCredential } from './credential-test';
