// Kafka principals, consumer groups and transactional ids of everything Rhei runs or issues credentials to.

/**
 * The record header in which Rhei's SDK names the client application that produced a record (its principal). Kafka
 * keeps no producer identity with a record; the console counts a system's records per client by it. Informational:
 * a client could name another client of its own system, never another system (provenance is by topic).
 */
export const PRODUCER_HEADER = "rhei-client";

/** The ACL principal of a SCRAM user. */
export function kafkaPrincipal(username: string): string {
  return `User:${username}`;
}

/** A client application's SCRAM user and consumer group: `<system>.<client>`. */
export function clientPrincipal(systemName: string, clientName: string): string {
  return `${systemName}.${clientName}`;
}

/** The consumer group a client application consumes in (its principal's name). */
export function clientGroup(principal: string): string {
  return principal;
}

/**
 * A stream app's SCRAM user and consumer group: `<company>.app_<app>`, under its company's prefix (so a cluster that
 * gives Rhei only `domain.enterprise.` prefixes still works). Three levels, with a `_` that no system level may hold,
 * so it is never a system (four levels) nor a client (five), and its state topic never a system's topic.
 */
export function streamAppPrincipal(companyName: string, appName: string): string {
  return `${companyName}.app_${appName}`;
}

/** A stream app's transactional ids all start so (one per input partition, see transactionalIdFor). */
export function streamAppTransactionalPrefix(principal: string): string {
  return `${principal}.tx.`;
}

/**
 * One transactional id per input partition: kafkajs speaks only the old TxnOffsetCommit (no KIP-447 group fencing),
 * so a zombie worker is fenced by the broker only if its successor on the same partition uses the same id.
 */
export function transactionalIdFor(principal: string, topic: string, partition: number): string {
  return `${streamAppTransactionalPrefix(principal)}${topic}.${partition}`;
}

/**
 * A join app's one transactional id: a join runs as one task reading every partition of all its inputs (the pairs
 * of a record depend on the records of every other input, whichever partition they are in), so one id fences it.
 */
export function joinTransactionalId(principal: string): string {
  return `${streamAppTransactionalPrefix(principal)}join`;
}

/** A join app's changelog topic: its buffers and watermarks, written in the same transaction as its output. */
/** The largest checkpoint a join may write (its state topic's max.message.bytes). */
export const JOIN_STATE_MAX_BYTES = 16 * 1024 * 1024;

export function streamAppStateTopic(principal: string): string {
  return `${principal}.state`;
}

/** The rollup worker's SCRAM user and consumer group (one for the whole console). */
export const ROLLUP_PRINCIPAL = "rhei-rollups";

/**
 * A stream app's consumer group: its principal and the app's id, so an app deleted and created again under the same
 * name starts afresh instead of continuing from its predecessor's offsets (which Kafka keeps for a week).
 */
export function streamAppGroup(principal: string, appId: string): string {
  return `${principal}.${appId}`;
}
