// Writes a system's metadata in each export format. Pure; the same document always gives the same bytes.
import YAML from "yaml";
import type { ExportFormat, MetadataDocument } from "./document";
import { toReferenceDocument } from "./reference-format";
import { toRheiDocument } from "./rhei-format";

export interface SerializedMetadata {
  content: string;
  contentType: string;
  extension: string;
  /** What the format could not hold. */
  warnings: string[];
}

export function serializeMetadata(doc: MetadataDocument, format: ExportFormat): SerializedMetadata {
  switch (format) {
    case "rhei-yaml":
      return {
        // No line folding: a long description stays one line, so diffs show what changed. Strings that YAML 1.1
        // tools (PyYAML, many CI linters) would read as booleans or numbers, such as `yes` or `0x1F`, are quoted.
        content: YAML.stringify(toRheiDocument(doc), {
          lineWidth: 0,
          aliasDuplicateObjects: false,
          compat: "yaml-1.1",
        }),
        contentType: "application/yaml",
        extension: "rhei.yaml",
        warnings: [],
      };
    case "rhei-json":
      return {
        content: `${JSON.stringify(toRheiDocument(doc), null, 2)}\n`,
        contentType: "application/json",
        extension: "rhei.json",
        warnings: [],
      };
    case "reference": {
      const { document, warnings } = toReferenceDocument(doc);
      return {
        content: `${JSON.stringify(document, null, 2)}\n`,
        contentType: "application/json",
        extension: "instances.json",
        warnings,
      };
    }
  }
}
