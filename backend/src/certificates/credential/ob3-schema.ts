import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
/*
 * The official 1EdTech JSON Schema for AchievementCredential / OpenBadgeCredential (JSON Schema
 * 2019-09), $id https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json
 * — the schema that verifiers such as verifier-core apply to VC 2.0 OpenBadgeCredentials.
 * Bundled so nothing is fetched at run time. Provenance: not published on npm; this copy is
 * the one committed at github.com/CloudNativeBergen/website,
 * src/lib/openbadges/schema/json/ob_v3p0_achievementcredential_schema.json
 * (commit a3b7b37ccc6ca7510930cdfbaccef9ace95f9c6f), reformatted only (whitespace).
 * Its content matches the current 1EdTech publication style ("JSON-LD value compaction"
 * variant, Appendix E of the OB 3.0 spec) and the per-schema $id fixed by 1EdTech in
 * openbadges-specification issue #609 (Oct 2025).
 */
import schema from './ob_v3p0_achievementcredential_schema.json';

export interface SchemaValidation {
  valid: boolean;
  errors: string[];
}

// strictTypes/strictTuples would only log noise about the official schema's constructs.
const ajv = new Ajv2019({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
addFormats(ajv);
const validate = ajv.compile(schema);

export function validateAchievementCredential(credential: unknown): SchemaValidation {
  if (validate(credential)) return { valid: true, errors: [] };
  const errors = (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} (${e.schemaPath})`,
  );
  return { valid: false, errors };
}
