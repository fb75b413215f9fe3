import { Fragment } from "react";

/** Text with `backtick` spans shown as code, as the OpenAPI descriptions write them. */
export function InlineCode({ text }: { text: string }) {
  let offset = 0;
  return (
    <>
      {text.split(/(`[^`]+`)/g).map((part) => {
        // Keyed by position in the text, which identifies each part for good.
        const at = offset;
        offset += part.length;
        return part.length > 2 && part.startsWith("`") && part.endsWith("`") ? (
          <code key={at} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800">
            {part.slice(1, -1)}
          </code>
        ) : (
          <Fragment key={at}>{part}</Fragment>
        );
      })}
    </>
  );
}
