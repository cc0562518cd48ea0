/**
 * Parses one intervention object (e.g. from YAML.parse or JSON.parse): returns the typed
 * intervention with defaults filled in, or throws an InterventionValidationError listing every
 * problem. Validation at the boundary; the helpers that take an Intervention trust it.
 */
import type { Intervention } from "./interventionSchema.js";
import { InterventionValidationError } from "./interventionValidationError.js";
import { validateIntervention } from "./validateIntervention.js";
import type { InterventionCheckOptions } from "./validateIntervention.js";

/**
 * @throws InterventionValidationError when the object has errors (warnings do not throw).
 * @example parseIntervention({ id: "tobs", … }, "tobs.yaml").kernel[0].id
 */
export function parseIntervention(obj: unknown, file = "<input>", options: InterventionCheckOptions = {}): Intervention {
  const check = validateIntervention(obj, file, options);
  if (!check.ok || check.intervention === null) throw new InterventionValidationError(check.problems);
  return check.intervention;
}
