"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { type DefaultValues, type FieldValues, type Path, type Resolver, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/run-action";

/**
 * A react-hook-form bound to the same zod schema the server action parses, so a field's rule shows inline
 * before the round trip, and the server's field errors land on the same fields after it.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, R>(options: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  action: (values: z.output<S>) => Promise<ActionResult<R>>;
  onSuccess?: (data: R) => void;
}) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // zodResolver's overloads cannot follow a generic schema; the cast restates what they would infer for S.
    resolver: zodResolver(options.schema as Parameters<typeof zodResolver>[0]) as unknown as Resolver<
      z.input<S>,
      unknown,
      z.output<S>
    >,
    defaultValues: options.defaultValues,
    mode: "onTouched",
  });
  const submit = form.handleSubmit(async (values) => {
    const result = await options.action(values);
    if (result.ok) {
      options.onSuccess?.(result.data);
      return;
    }
    let placed = false;
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (field in (form.getValues() as object)) {
        form.setError(field as Path<z.input<S>>, { message: messages.join("; ") });
        placed = true;
      }
    }
    form.setError("root", { message: result.error });
    if (!placed) toast.error(result.error);
  });
  return { form, submit };
}
