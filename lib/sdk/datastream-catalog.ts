import { type DatastreamInfo, type DatastreamInfoInput, parseDatastreamInfo } from "./datastream-info";
import { SdkError } from "./errors";

/** Where the SDK learns datastream types and units. */
export interface DatastreamCatalog {
  /** What is known now, without I/O: the consumer's hot path. */
  peek(fullName: string): DatastreamInfo | undefined;
  /** What is known, asking the source again when the name is unknown (rate-limited by the implementation). */
  get(fullName: string): Promise<DatastreamInfo | undefined>;
  /** Everything known now, without I/O. */
  peekAll(): DatastreamInfo[];
  /** Everything known (loading it first if nothing is). */
  list(): Promise<DatastreamInfo[]>;
  /** Learns datastreams, e.g. from the console's answer to register(). */
  remember(infos: readonly DatastreamInfo[]): void;
  /**
   * True when the catalog is sure that the client's own system has no datastream `fullName` registered before
   * `sinceMs` (it holds the whole list of the system's datastreams, loaded at or after then). Catalogs that cannot
   * know leave it out, and such records come out untyped.
   */
  confirmUnknown?(fullName: string, sinceMs: number): Promise<boolean>;
}

/** A catalog fed by hand: the constructor or register(). Types may be given by name or OGC O&M URI. */
export class MemoryDatastreamCatalog implements DatastreamCatalog {
  protected readonly byName = new Map<string, DatastreamInfo>();

  constructor(datastreams: readonly DatastreamInfoInput[] = []) {
    this.register(datastreams);
  }

  register(datastreams: readonly DatastreamInfoInput[]): void {
    this.remember(datastreams.map((d, i) => parseDatastreamInfo(d, `datastream ${i + 1}`)));
  }

  remember(infos: readonly DatastreamInfo[]): void {
    for (const info of infos) this.byName.set(info.fullName, info);
  }

  peek(fullName: string): DatastreamInfo | undefined {
    return this.byName.get(fullName);
  }

  async get(fullName: string): Promise<DatastreamInfo | undefined> {
    return this.byName.get(fullName);
  }

  peekAll(): DatastreamInfo[] {
    return [...this.byName.values()];
  }

  async list(): Promise<DatastreamInfo[]> {
    return [...this.byName.values()];
  }
}

/**
 * The full name a producer means by `datastream`: a full name, `<thing>.<datastream>` within the client's system, or
 * a datastream's own name when exactly one datastream of the system has it.
 */
export async function resolveDatastream(
  catalog: DatastreamCatalog,
  system: string,
  datastream: string,
): Promise<DatastreamInfo> {
  const candidates = [datastream, `${system}.${datastream}`];
  for (const name of candidates) {
    const info = catalog.peek(name) ?? (name.split(".").length === 6 ? await catalog.get(name) : undefined);
    if (info) return info;
  }
  if (!datastream.includes(".")) {
    const ownNamed = (all: DatastreamInfo[]) =>
      all.filter((d) => d.name === datastream && d.fullName.startsWith(`${system}.`));
    // What register() taught the catalog is usually enough; ask its source only when it is not.
    let own = ownNamed(catalog.peekAll());
    if (own.length === 0) own = ownNamed(await catalog.list());
    if (own.length === 1 && own[0]) return own[0];
    if (own.length > 1) {
      const names = own.map((d) => `"${d.fullName}"`).join(", ");
      throw new SdkError("unknown-datastream", `"${datastream}" is ambiguous in ${system}: say which of ${names}`);
    }
  }
  throw new SdkError(
    "unknown-datastream",
    `Unknown datastream "${datastream}" in ${system}: register it first (rhei register instances.json)`,
  );
}
