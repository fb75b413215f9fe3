import { Pencil, Plus } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";

/** Opens the dialog that creates an entity: "New thing", "New datastream". */
export function NewButton({ children, ...props }: ButtonProps) {
  return (
    <Button {...props}>
      <Plus className="size-4" aria-hidden /> {children}
    </Button>
  );
}

/** Opens an entity's edit dialog, on its page. (Both pass on the props a dialog trigger gives them.) */
export function EditButton(props: ButtonProps) {
  return (
    <Button variant="secondary" {...props}>
      <Pencil className="size-4" aria-hidden /> Edit
    </Button>
  );
}
