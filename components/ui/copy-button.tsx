"use client";
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "./button";

/**
 * Copies `text` to the clipboard. Where the browser refuses (no secure context, no permission), `onFallback` can
 * select the text instead so that Ctrl-C copies it.
 */
export function CopyButton({
  text,
  label = "Copy",
  onFallback,
}: {
  text: string;
  label?: string;
  onFallback?: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          onFallback?.();
          toast.info("Press Ctrl-C to copy the selected text");
        }
      }}
    >
      {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
      {copied ? "Copied" : label}
    </Button>
  );
}
