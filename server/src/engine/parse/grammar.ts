/** The policy grammar: which element names are valid where (docs for each live in data/elements.ts). */
export const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'] as const;
export const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
export const VALID_VERSIONS = ['2012-10-17', '2008-10-17'] as const;
export const CURRENT_VERSION = '2012-10-17';

/** Kinds whose statements name the principal in the policy itself. */
export const PRINCIPAL_KINDS = new Set(['resource', 'trust', 'endpoint']);
/** Kinds attached to a principal, where `Principal` is not allowed. */
export const IDENTITY_KINDS = new Set(['identity', 'boundary', 'scp']);
