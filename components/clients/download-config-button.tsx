"use client";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { SDK_CONFIG_FILE } from "@/lib/clients/sdk-config";

/** Saves the SDK configuration as rhei-client.json, built in the browser: the secret never travels again. */
export function DownloadConfigButton({ json }: { json: string }) {
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      onClick={() => {
        const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
        const link = document.createElement("a");
        link.href = url;
        link.download = SDK_CONFIG_FILE;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      }}
    >
      <Download className="size-4" aria-hidden /> Download {SDK_CONFIG_FILE}
    </Button>
  );
}
