"use client";
import { io, type Socket } from "socket.io-client";
import type { ReplayControl, ReplayFrame, ReplayStart, ReplayStarted, ReplayStatus } from "../live/replay-protocol";
import { replayStore } from "./replay-store";

type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

const decoder = new TextDecoder();

/**
 * Replays run on a Socket.IO connection of their own: a replay at full speed fills its connection, and live panels
 * on the same page keep theirs.
 */
class ReplayConnection {
  private socket: Socket | undefined;

  private connect(): Socket {
    if (this.socket) return this.socket;
    const socket = io({ path: "/socket.io", transports: ["websocket"], reconnectionDelayMax: 5000 });
    socket.on("replay:frame", (bytes: ArrayBuffer) =>
      replayStore.frame(JSON.parse(decoder.decode(bytes)) as ReplayFrame),
    );
    socket.on("replay:status", (status: ReplayStatus) => replayStore.status(status));
    socket.on("disconnect", () => replayStore.failed("The connection was lost: start the replay again"));
    this.socket = socket;
    return socket;
  }

  private async ask<T>(event: string, payload: unknown): Promise<T> {
    const answer = (await this.connect().timeout(20_000).emitWithAck(event, payload)) as Answer<T>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  }

  async start(request: ReplayStart): Promise<ReplayStarted> {
    const started = await this.ask<ReplayStarted>("replay:start", request);
    replayStore.started(started);
    return started;
  }

  control(control: ReplayControl): Promise<{ replayId: string }> {
    return this.ask("replay:control", control);
  }
}

export const replayConnection = new ReplayConnection();
