"use client";
import Link from "next/link";
import { useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import {
  type IssuedSecret,
  SDK_CONFIG_FILE,
  type SdkConnection,
  sdkConfig,
  sdkConfigJson,
  sdkSnippet,
} from "@/lib/clients/sdk-config";
import { DownloadConfigButton } from "./download-config-button";

/**
 * The one time a client's secret is shown (after registration or rotation), with the SDK configuration to copy or
 * download. Only an explicit button closes it, so a stray click cannot lose the secret.
 */
export function SecretDialog({
  issued,
  systemName,
  connection,
  clientHref,
  onClose,
}: {
  issued: IssuedSecret | null;
  systemName: string;
  connection: SdkConnection;
  /** Where the client's page is, when the dialog is shown elsewhere. */
  clientHref?: string;
  onClose: () => void;
}) {
  const secretInput = useRef<HTMLInputElement>(null);
  if (!issued) return null;
  const config = sdkConfig(connection, { systemName, name: issued.client.name }, issued.secret);
  const json = sdkConfigJson(config);
  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      dismissible={false}
      className="max-w-3xl"
      title={`Secret of ${issued.client.name}`}
      description={
        <>
          Kafka user and consumer group <code className="font-mono text-slate-700">{issued.client.principal}</code>
        </>
      }
    >
      <div className="space-y-4">
        <Alert tone="warning" title="Copy the secret now: it will not be shown again">
          Rhei keeps only a hash of it, so nobody can show it to you later. If it is lost, rotate the secret to get a
          new one.
        </Alert>
        <div className="space-y-1">
          <label htmlFor="issued-secret" className="block text-sm font-medium text-slate-700">
            Client secret
          </label>
          <div className="flex gap-2">
            <Input
              id="issued-secret"
              readOnly
              ref={secretInput}
              value={issued.secret}
              className="font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton
              text={issued.secret}
              label="Copy secret"
              className="h-9"
              copiedMessage="Secret copied"
              onFallback={() => secretInput.current?.select()}
            />
          </div>
        </div>
        <CodeBlock
          title={`SDK configuration (${SDK_CONFIG_FILE})`}
          code={json}
          actions={
            <>
              <CopyButton text={json} label="Copy configuration" copiedMessage="Configuration copied" />
              <DownloadConfigButton json={json} />
            </>
          }
        />
        <CodeBlock
          title="Use it from Node (set RHEI_CLIENT_SECRET to the secret)"
          code={sdkSnippet(config)}
          actions={<CopyButton text={sdkSnippet(config)} label="Copy code" copiedMessage="Code copied" />}
        />
        <div className="flex flex-wrap items-center justify-end gap-2">
          {clientHref && (
            <Button asChild variant="secondary">
              <Link href={clientHref}>Open the client's page</Link>
            </Button>
          )}
          <Button onClick={onClose}>I have saved the secret</Button>
        </div>
      </div>
    </Dialog>
  );
}
