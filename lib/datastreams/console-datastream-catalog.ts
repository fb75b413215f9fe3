import "server-only";
import { db } from "../db/client";
import { EVENTS_RESUMED } from "../events/change-event";
import { subscribeEvents } from "../events/subscribe-events";
import type { DatastreamCatalog } from "../sdk/datastream-catalog";
import { type DatastreamInfo, parseDatastreamInfo } from "../sdk/datastream-info";

const NEGATIVE_TTL_MS = 5000;

interface Entry {
  info: DatastreamInfo | undefined;
  /** When the database was asked (epoch ms). */
  at: number;
}

const select = {
  name: true,
  fullName: true,
  observationType: true,
  unitName: true,
  unitSymbol: true,
  unitDefinition: true,
  resultSchema: true,
  system: { select: { name: true } },
} as const;

/**
 * Every datastream of every system, as the console's own readers (live hub, alarm evaluator, history) see them: a
 * cache in front of PostgreSQL, filled per name on first use and emptied for a system when its datastreams change
 * (any console process's change, through the event bus). Complete for every system, so it can confirm that a name
 * is unknown.
 */
export class ConsoleDatastreamCatalog implements DatastreamCatalog {
  private readonly entries = new Map<string, Entry>();
  private readonly unsubscribe: () => Promise<void>;

  constructor() {
    this.unsubscribe = subscribeEvents(["datastream.changed", "system.changed"], (event) => {
      if (event.type === EVENTS_RESUMED) this.entries.clear();
      else void this.forgetSystem(event.systemId);
    });
  }

  private async forgetSystem(systemId: string): Promise<void> {
    const system = await db.system.findUnique({ where: { id: systemId }, select: { name: true } }).catch(() => null);
    if (!system) {
      this.entries.clear(); // deleted: its names are gone, and finding them would take a scan
      return;
    }
    const prefix = `${system.name}.`;
    for (const name of this.entries.keys()) if (name.startsWith(prefix)) this.entries.delete(name);
  }

  peek(fullName: string): DatastreamInfo | undefined {
    return this.entries.get(fullName)?.info;
  }

  async get(fullName: string): Promise<DatastreamInfo | undefined> {
    const entry = this.entries.get(fullName);
    if (entry && (entry.info || Date.now() - entry.at < NEGATIVE_TTL_MS)) return entry.info;
    return this.load(fullName);
  }

  async confirmUnknown(fullName: string, sinceMs: number): Promise<boolean> {
    const entry = this.entries.get(fullName);
    if (entry?.info) return false;
    const info = entry && entry.at >= sinceMs ? entry.info : await this.load(fullName);
    return info === undefined;
  }

  peekAll(): DatastreamInfo[] {
    return [...this.entries.values()].flatMap((e) => (e.info ? [e.info] : []));
  }

  async list(): Promise<DatastreamInfo[]> {
    return this.peekAll();
  }

  remember(infos: readonly DatastreamInfo[]): void {
    for (const info of infos) this.entries.set(info.fullName, { info, at: Date.now() });
  }

  /** Loads every datastream of the systems (a reader about to read their topics). */
  async preload(systemIds: readonly string[]): Promise<void> {
    const at = Date.now();
    const rows = await db.datastream.findMany({ where: { systemId: { in: [...systemIds] } }, select });
    for (const row of rows) this.entries.set(row.fullName, { info: toInfo(row), at });
  }

  private async load(fullName: string): Promise<DatastreamInfo | undefined> {
    const at = Date.now();
    const row = await db.datastream.findUnique({ where: { fullName }, select });
    const info = row ? toInfo(row) : undefined;
    if (this.entries.size > 200_000) this.entries.clear(); // bounded, whatever names the topics hold
    this.entries.set(fullName, { info, at });
    return info;
  }

  async close(): Promise<void> {
    await this.unsubscribe();
  }
}

function toInfo(row: {
  name: string;
  fullName: string;
  observationType: string;
  unitName: string;
  unitSymbol: string;
  unitDefinition: string;
  resultSchema: unknown;
}): DatastreamInfo {
  return parseDatastreamInfo({
    name: row.name,
    fullName: row.fullName,
    observationType: row.observationType,
    unit: { name: row.unitName, symbol: row.unitSymbol, definition: row.unitDefinition },
    resultSchema: row.resultSchema ?? undefined,
  });
}
