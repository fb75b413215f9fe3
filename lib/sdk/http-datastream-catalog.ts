import type { ConsoleApi } from "./console-api";
import { MemoryDatastreamCatalog } from "./datastream-catalog";
import type { DatastreamInfo } from "./datastream-info";
import { parseDatastreamInfo } from "./datastream-info";
import { SdkError } from "./errors";

export const DATASTREAMS_PATH = "/api/v1/client/datastreams";

/**
 * The console's catalog of the datastreams a client may see: GET {console}/api/v1/client/datastreams with HTTP Basic
 * (principal, secret), answering `{ datastreams: [{ name, fullName, observationType, unit: { name, symbol,
 * definition }, resultSchema? }] }` (observationType as a name or OGC O&M URI). Loaded on first use; an unknown
 * name triggers a reload at most once per `refreshIntervalMs`, so a datastream registered later is found without
 * a reload per record.
 */
export class HttpDatastreamCatalog extends MemoryDatastreamCatalog {
  private loaded = false;
  /** When the last complete load began (epoch ms): it knows every datastream registered before then. */
  private loadedAt = Number.NEGATIVE_INFINITY;
  // Failed attempts count too, so an unreachable console is asked at most once per interval, not once per record.
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly api: ConsoleApi,
    private readonly refreshIntervalMs = 30_000,
  ) {
    super();
  }

  /** Loads the whole catalog now; concurrent callers share one request. */
  load(): Promise<void> {
    this.loading ??= this.fetchAll().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  override async get(fullName: string): Promise<DatastreamInfo | undefined> {
    const known = this.byName.get(fullName);
    if (known) return known;
    if (performance.now() - this.attemptedAt >= this.refreshIntervalMs) await this.load();
    return this.byName.get(fullName);
  }

  /**
   * Sure only with a load that began at or after `sinceMs` (when the message was read, so after it was written, so
   * after its datastream was registered if it was): a record of a datastream registered a moment ago is never
   * refused because the catalog was older. Such reloads run at most once a second; a caller waits for the next.
   */
  async confirmUnknown(fullName: string, sinceMs: number): Promise<boolean> {
    if (this.byName.has(fullName)) return false;
    if (this.loadedAt < sinceMs) {
      const wait = this.attemptedAt + 1000 - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (this.loadedAt < sinceMs) await this.load();
    }
    return this.loaded && this.loadedAt >= sinceMs && !this.byName.has(fullName);
  }

  override async list(): Promise<DatastreamInfo[]> {
    if (!this.loaded) await this.load();
    return super.list();
  }

  private async fetchAll(): Promise<void> {
    this.attemptedAt = performance.now();
    const startedAt = Date.now();
    const body = await this.api.get<{ datastreams?: unknown }>(DATASTREAMS_PATH);
    if (!body || !Array.isArray(body.datastreams)) {
      throw new SdkError("console", `GET ${DATASTREAMS_PATH} did not answer { datastreams: [...] }`);
    }
    const infos = body.datastreams.map((d, i) => parseDatastreamInfo(d, `${DATASTREAMS_PATH} datastream ${i + 1}`));
    this.remember(infos);
    this.loaded = true;
    this.loadedAt = startedAt;
  }
}
