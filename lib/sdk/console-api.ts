import { SdkError } from "./errors";

export interface ConsoleApiOptions {
  /** The console's base URL, e.g. https://rhei.example.com */
  url: string;
  /** The client's principal, `<system>.<client>`: the HTTP Basic user name. */
  principal: string;
  /** The secret Rhei issued: the HTTP Basic password (the same as the Kafka SCRAM password). */
  secret: string;
  timeoutMs?: number;
  /** The fetch to use (default: the global one), e.g. to go through a proxy agent, or straight to route handlers in tests. */
  fetch?: typeof fetch;
}

/**
 * The client side of the console's client API (`/api/v1/client/…`), authenticated with HTTP Basic as the client's
 * principal. Every failure becomes an SdkError whose code says what to do: "authentication" (wrong secret, revoked
 * client), "authorization", "unavailable" (console unreachable) or "console" (anything else it answered).
 */
export class ConsoleApi {
  private readonly base: string;
  private readonly authorization: string;

  constructor(private readonly options: ConsoleApiOptions) {
    let parsed: URL;
    try {
      parsed = new URL(options.url);
    } catch {
      throw new SdkError("invalid-option", `console "${options.url}" is not a URL (e.g. https://rhei.example.com)`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
      throw new SdkError("invalid-option", `console "${options.url}" must be an http(s) URL`);
    }
    this.base = parsed.href.replace(/\/+$/, "");
    this.authorization = `Basic ${Buffer.from(`${options.principal}:${options.secret}`).toString("base64")}`;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>("GET", path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>("POST", path, body);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.base}${path}`;
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        method,
        headers: {
          authorization: this.authorization,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new SdkError("unavailable", `console unreachable at ${url}: ${why}`, { cause: error });
    }
    const text = await response.text();
    if (!response.ok) throw this.failure(method, url, response.status, text);
    if (text === "") return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new SdkError("console", `${method} ${url} answered ${response.status} with something other than JSON`);
    }
  }

  private failure(method: string, url: string, status: number, text: string): SdkError {
    let detail = "";
    try {
      const problem = JSON.parse(text) as { detail?: unknown; title?: unknown; message?: unknown; error?: unknown };
      const said = problem.detail ?? problem.message ?? problem.title ?? problem.error;
      if (typeof said === "string") detail = `: ${said}`;
    } catch {
      // not problem+json; the status says enough
    }
    const where = `${method} ${url} answered ${status}${detail}`;
    if (status === 401) {
      return new SdkError(
        "authentication",
        `the console refused the credentials of ${this.options.principal} (${where})`,
      );
    }
    if (status === 403) return new SdkError("authorization", `${this.options.principal} may not do this (${where})`);
    if (status === 404 && detail === "") {
      return new SdkError(
        "console",
        `${where} (is the console URL right, and is it a Rhei console with the client API?)`,
      );
    }
    return new SdkError("console", where);
  }
}
