import "server-only";
import type { Tx } from "../db/client";
import { type FieldErrors, invalid } from "../errors";

/**
 * Sensor and observed property ids given for a datastream must belong to its system (an id from another system,
 * or another tenant's, reads as "no such … in this system", revealing nothing).
 */
export async function checkDatastreamReferences(
  tx: Tx,
  systemId: string,
  refs: { sensorId?: string | null; observedPropertyId?: string | null },
): Promise<void> {
  const errors: FieldErrors = {};
  if (refs.sensorId) {
    const found = await tx.sensor.findFirst({ where: { id: refs.sensorId, systemId }, select: { id: true } });
    if (!found) errors.sensorId = ["No such sensor in this system"];
  }
  if (refs.observedPropertyId) {
    const found = await tx.observedProperty.findFirst({
      where: { id: refs.observedPropertyId, systemId },
      select: { id: true },
    });
    if (!found) errors.observedPropertyId = ["No such observed property in this system"];
  }
  if (Object.keys(errors).length > 0) {
    throw invalid(
      `Invalid input: ${Object.entries(errors)
        .map(([f, m]) => `${f}: ${m.join("; ")}`)
        .join("; ")}`,
      errors,
    );
  }
}
