import { describe, expect, it } from "vitest";
import { datastreamFormSchema } from "./datastream-form-schema";

const form = (definition: string) => ({
  thingId: "t",
  name: "temperature",
  description: "",
  sensorId: "",
  observedPropertyId: "",
  observationType: "Measurement",
  unit: { name: "DegreeCelsius", symbol: "degC", definition },
  resultSchema: "",
});

const definitionErrors = (definition: string) =>
  (datastreamFormSchema.safeParse(form(definition)).error?.issues ?? [])
    .filter((i) => i.path.join(".") === "unit.definition")
    .map((i) => i.message);

describe("the datastream form's unit definition", () => {
  it("refuses what is not a URI", () => {
    expect(definitionErrors("not a uri")).toEqual([expect.stringMatching(/absolute URI/)]);
    expect(definitionErrors("degC")).toEqual([expect.stringMatching(/absolute URI/)]);
  });

  it("takes an absolute URI, or nothing", () => {
    expect(definitionErrors("http://www.qudt.org/qudt/owl/1.0.0/unit/Instances.html#DegreeCelsius")).toEqual([]);
    expect(definitionErrors("urn:ucum:Cel")).toEqual([]);
    expect(definitionErrors("")).toEqual([]);
  });
});
