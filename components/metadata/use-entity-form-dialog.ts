"use client";
import { useRouter } from "next/navigation";
import type { DefaultValues, FieldValues } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import type { ActionResult } from "@/lib/actions/run-action";
import { rowPath } from "@/lib/ui/console-paths";

/**
 * The create-or-edit dialog of a thing, sensor, observed property or datastream. Saving an edit says so and
 * reloads the page; creating one announces it and opens its page, rowPath(listHref, id).
 */
export function useEntityFormDialog<S extends z.ZodType<FieldValues, FieldValues>, R extends { id: string }>({
  schema,
  defaults,
  editing,
  action,
  listHref,
  created,
}: {
  schema: S;
  defaults: DefaultValues<z.input<S>>;
  editing: boolean;
  action: (values: z.output<S>) => Promise<ActionResult<R>>;
  listHref: string;
  /** The toast after creating one, e.g. "Thing Main created". */
  created: (saved: R) => string;
}) {
  const router = useRouter();
  return useFormDialog({
    schema,
    defaultValues: defaults,
    action,
    keepValues: editing,
    resetOnDismiss: true,
    onSuccess: (saved) => {
      if (editing) {
        toast.success("Saved");
        router.refresh();
      } else {
        toast.success(created(saved));
        router.push(rowPath(listHref, saved.id));
      }
    },
  });
}
