import "server-only";
import { z } from "zod";
import { defineSocketHandler } from "../socket-handler";

/** `ping`: the server's time, to check the connection and measure its round trip. */
export const pingHandler = defineSocketHandler({
  event: "ping",
  payload: z.undefined().or(z.object({}).strict()),
  handle: async () => ({ at: new Date().toISOString() }),
});
