import { cloneElement, type ReactElement, useId } from "react";
import { cn } from "@/lib/ui/cn";

export interface FieldProps {
  label: string;
  /** The rule the field follows, shown under it until an error replaces it. */
  hint?: string;
  error?: string;
  className?: string;
  children: ReactElement<{ id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string }>;
}

/** A label, a control and its message, wired for screen readers (the message describes the control). */
export function Field({ label, hint, error, className, children }: FieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const message = error ?? hint;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {cloneElement(children, {
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": message ? messageId : undefined,
      })}
      {message && (
        <p
          id={messageId}
          className={cn("text-xs", error ? "text-red-600" : "text-slate-500")}
          role={error ? "alert" : undefined}
        >
          {message}
        </p>
      )}
    </div>
  );
}
