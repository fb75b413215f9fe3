import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";

const formats = [
  {
    format: "rhei-yaml",
    label: "Rhei YAML",
    about: "Everything, in a stable order: check it into version control and diff it.",
  },
  { format: "rhei-json", label: "Rhei JSON", about: "The same as JSON, for programs." },
  {
    format: "reference",
    label: "Reference instances.json",
    about: "For clients of the platform Rhei replaces; it cannot hold observed properties no datastream uses.",
  },
] as const;

/** Download links for the three export formats (a GET route handler answers each with the file). */
export function ExportCard({ systemId }: { systemId: string }) {
  return (
    <ul className="space-y-3">
      {formats.map((f) => (
        <li key={f.format} className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <Button asChild variant="secondary" className="w-60 justify-start">
            <a href={`/api/v1/systems/${systemId}/metadata?format=${f.format}`} download>
              <Download className="size-4" aria-hidden /> {f.label}
            </a>
          </Button>
          <p className="text-sm text-slate-600">{f.about}</p>
        </li>
      ))}
    </ul>
  );
}
