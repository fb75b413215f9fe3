import { z } from "zod";

// Naming rules, shared by forms, the API and the importer, so a name refused in one is refused in all with the
// same words. A rule's message is shown to the user as it is.
export const NAME_PART_RULE = "letters A–Z a–z, digits 0–9 and '-' only (1–63 characters)";
export const CLIENT_NAME_RULE = "letters A–Z a–z, digits 0–9, '-' and '_' only (1–63 characters)";
export const ENTITY_NAME_RULE = "1–100 characters, no '.' or '*', no leading or trailing spaces";
export const LABEL_NAME_RULE = "1–200 characters, no control characters, no leading or trailing spaces";

/** A level of a company or system name: domain, enterprise, workcenter, station. */
export const namePart = z
  .string()
  .min(1, `Required: ${NAME_PART_RULE}`)
  .max(63, `Too long: ${NAME_PART_RULE}`)
  .regex(/^[A-Za-z0-9-]+$/, `Use ${NAME_PART_RULE}`);

/** A client application's name; part of its Kafka principal and consumer group. */
export const clientName = z
  .string()
  .min(1, `Required: ${CLIENT_NAME_RULE}`)
  .max(63, `Too long: ${CLIENT_NAME_RULE}`)
  .regex(/^[A-Za-z0-9_-]+$/, `Use ${CLIENT_NAME_RULE}`);

/** Thing and datastream names: a level of `system.thing.datastream`, so no dot and no wildcard. */
export const entityName = z
  .string()
  .min(1, `Required: ${ENTITY_NAME_RULE}`)
  .max(100, `Too long: ${ENTITY_NAME_RULE}`)
  .regex(/^[^.*\s](?:[^.*\p{Cc}]*[^.*\s])?$/u, `Use ${ENTITY_NAME_RULE}`);

/** Sensor and observed-property names: in no Kafka name, so any characters but control ones, up to 200. */
export const labelName = z
  .string()
  .min(1, `Required: ${LABEL_NAME_RULE}`)
  .max(200, `Too long: ${LABEL_NAME_RULE}`)
  // Empty passes the pattern, so an empty name gets one message (Required), not two.
  .regex(/^(?:[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?)?$/u, `Use ${LABEL_NAME_RULE}`);

export const description = z.string().max(2000, "At most 2000 characters").default("");

export function companyName(c: { domain: string; enterprise: string }): string {
  return `${c.domain}.${c.enterprise}`;
}

export function systemName(c: { domain: string; enterprise: string }, workcenter: string, station: string): string {
  return `${c.domain}.${c.enterprise}.${workcenter}.${station}`;
}
