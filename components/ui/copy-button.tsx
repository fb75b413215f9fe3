"use client";
import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button, type ButtonProps } from "./button";

/** Copies `value` to the clipboard, and says so; where the browser refuses, says how to copy by hand. */
export function CopyButton({
  value,
  label = "Copy",
  copiedMessage = "Copied to the clipboard",
  ...props
}: { value: string; label?: string; copiedMessage?: string } & Omit<ButtonProps, "onClick" | "value">) {
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
          await navigator.clipboard.writeText(value);
          setCopied(true);
          toast.success(copiedMessage);
        } catch {
          toast.error("The browser did not allow copying: select the text and copy it by hand");
        }
      }}
    >
      {copied ? <Check className="size-4 text-emerald-600" aria-hidden /> : <Copy className="size-4" aria-hidden />}
      {label}
    </Button>
  );
}
