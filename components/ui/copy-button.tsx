"use client";
import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button, type ButtonProps } from "./button";

/**
 * Copies `text` to the clipboard. Where the browser refuses (no secure context, no permission), `onFallback` can
 * select the text instead so that Ctrl-C copies it. With `label=""` it is an icon button (give it an aria-label);
 * `copiedMessage` also says so in a toast.
 */
export function CopyButton({
  text,
  label = "Copy",
  onFallback,
  copiedMessage,
  ...props
}: {
  text: string;
  label?: string;
  onFallback?: () => void;
  copiedMessage?: string;
} & Omit<ButtonProps, "onClick">) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      {...props}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          if (copiedMessage) toast.success(copiedMessage);
        } catch {
          onFallback?.();
          toast.info(onFallback ? "Press Ctrl-C to copy the selected text" : "Select the text and copy it by hand");
        }
      }}
    >
      {copied ? <Check className="size-4 text-emerald-600" aria-hidden /> : <Copy className="size-4" aria-hidden />}
      {label && (copied ? "Copied" : label)}
    </Button>
  );
}
