"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { checkJoinDraft } from "@/lib/stream-apps/check-join-draft";
import { checkStreamAppDraft } from "@/lib/stream-apps/check-stream-app-draft";
import { createStreamApp } from "@/lib/stream-apps/create-stream-app";
import { deleteStreamApp } from "@/lib/stream-apps/delete-stream-app";
import { deployStreamApp } from "@/lib/stream-apps/deploy-stream-app";
import type {
  CreateStreamAppInput,
  DraftInput,
  JoinAppFormValues,
  JoinDraftInput,
  TestDraftInput,
  TestJoinDraftInput,
  UpdateStreamAppInput,
} from "@/lib/stream-apps/schemas";
import { stopStreamApp } from "@/lib/stream-apps/stop-stream-app";
import { testJoinDraft } from "@/lib/stream-apps/test-join-draft";
import { testStreamAppDraft } from "@/lib/stream-apps/test-stream-app-draft";
import { updateStreamApp } from "@/lib/stream-apps/update-stream-app";
import { companyPath, streamAppPath } from "@/lib/ui/console-paths";

export async function checkDraftAction(companyId: string, input: DraftInput) {
  return runAction(async () => checkStreamAppDraft({ actor: await requireActor(), companyId, input }));
}

export async function testDraftAction(companyId: string, input: TestDraftInput) {
  return runAction(async () => testStreamAppDraft({ actor: await requireActor(), companyId, input }));
}

export async function createStreamAppAction(companyId: string, input: CreateStreamAppInput) {
  return runAction(async () => {
    const { app, warnings } = await createStreamApp({ actor: await requireActor(), companyId, input });
    revalidatePath(companyPath(companyId, "stream-apps"));
    return { id: app.id, href: streamAppPath(companyId, app.id), warnings: warnings.map((w) => w.message) };
  });
}

export async function updateStreamAppAction(companyId: string, appId: string, input: UpdateStreamAppInput) {
  return runAction(async () => {
    const { app, warnings } = await updateStreamApp({ actor: await requireActor(), appId, input });
    revalidatePath(streamAppPath(companyId, appId));
    return {
      id: app.id,
      version: app.version,
      href: streamAppPath(companyId, app.id),
      warnings: warnings.map((w) => w.message),
    };
  });
}

export async function deployStreamAppAction(companyId: string, appId: string) {
  return runAction(async () => {
    const app = await deployStreamApp({ actor: await requireActor(), appId });
    revalidatePath(streamAppPath(companyId, appId));
    return { version: app.version };
  });
}

export async function stopStreamAppAction(companyId: string, appId: string) {
  return runAction(async () => {
    const app = await stopStreamApp({ actor: await requireActor(), appId });
    revalidatePath(streamAppPath(companyId, appId));
    return { version: app.version };
  });
}

export async function deleteStreamAppAction(companyId: string, appId: string) {
  return runAction(async () => {
    await deleteStreamApp({ actor: await requireActor(), appId });
    revalidatePath(companyPath(companyId, "stream-apps"));
    return { href: companyPath(companyId, "stream-apps") };
  });
}

export async function checkJoinDraftAction(companyId: string, input: JoinDraftInput) {
  return runAction(async () => checkJoinDraft({ actor: await requireActor(), companyId, input }));
}

export async function testJoinDraftAction(companyId: string, input: TestJoinDraftInput) {
  return runAction(async () => testJoinDraft({ actor: await requireActor(), companyId, input }));
}

export async function createJoinAppAction(companyId: string, values: JoinAppFormValues) {
  return createStreamAppAction(companyId, { ...values, kind: "join" });
}
