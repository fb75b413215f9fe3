import { expect, test } from "@playwright/test";
import { io } from "socket.io-client";
import { seedUser, TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();

function connect(baseURL: string, cookie?: string) {
  return io(baseURL, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
  });
}

test("Socket.IO refuses a connection without a session and greets a signed-in user", async ({ context, baseURL }) => {
  const url = baseURL ?? "";
  const anonymous = connect(url);
  const refused = await new Promise<string>((resolve) => anonymous.on("connect_error", (e) => resolve(e.message)));
  expect(refused).toBe("unauthenticated");
  anonymous.close();

  const forged = connect(url, "next-auth.session-token=not-a-token");
  expect(await new Promise<string>((resolve) => forged.on("connect_error", (e) => resolve(e.message)))).toBe(
    "unauthenticated",
  );
  forged.close();

  const user = await seedUser("Socket User");
  await signInViaApi(context, user.email, TEST_PASSWORD);
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const socket = connect(url, cookie);
  const ready = await new Promise<{ v: number; user: { email: string } }>((resolve, reject) => {
    socket.on("session:ready", resolve);
    socket.on("connect_error", reject);
  });
  expect(ready).toMatchObject({ v: 1, user: { email: user.email } });
  const pong = await socket.timeout(5000).emitWithAck("ping");
  expect(pong).toMatchObject({ v: 1 });
  socket.close();
});
