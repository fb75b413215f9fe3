import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import YAML from "yaml";
import { authenticateClient } from "../lib/clients/authenticate-client";
import { applyImport } from "../lib/metadata-io/apply-import";
import { reportRejections } from "../lib/rejected-records/report-rejections";
import { seedClient, seedMember, seedSystem, seedUser, TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";
import { screenshot } from "./support/screenshot";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();

const CAR1 = "data/panta-rhei/CarFleet/Car1/instances.json";
const ENTITY_RULE = "Use 1–100 characters, no '.' or '*', no leading or trailing spaces";

const systemTab = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "System" }).getByRole("link", { name, exact: true });

/** Counts of the dry run's summary table: one row per kind, columns create, update, unchanged. */
async function summaryRow(page: Page, kind: string) {
  const row = page
    .getByRole("table", { name: "Import summary" })
    .getByRole("row", { name: new RegExp(`^${kind}`, "i") });
  await expect(row).toBeVisible();
  return (await row.getByRole("cell").allInnerTexts()).map(Number);
}

test("an engineer imports Car1, changes a unit, creates an Observation datastream and exports Rhei YAML", async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(120_000);
  const seeded = await seedClient(await seedSystem());
  const { company, system, admin } = seeded;
  const engineer = await seedMember(company.id, admin, "engineer");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInViaApi(context, engineer.email, TEST_PASSWORD);

  // An empty system says what to do.
  await page.goto(`/companies/${company.id}/systems/${system.id}`);
  await expect(page.getByRole("main").getByText("Nothing described yet")).toBeVisible();
  await systemTab(page, "Datastreams").click();
  await expect(page.getByRole("main").getByText("No datastreams yet")).toBeVisible();

  // Import: upload, dry run, apply.
  await systemTab(page, "Import / export").click();
  await page.getByLabel("Metadata file").setInputFiles(CAR1);
  await expect(page.getByLabel("Metadata document")).toHaveValue(/"Things": \{/);
  await page.getByRole("button", { name: "Dry run" }).click();
  const plan = page.getByRole("region", { name: "Import plan" });
  await expect(plan.getByTestId("import-plan-sentence")).toHaveText(
    "1 thing, 3 sensors, 5 observed properties and 5 datastreams to create",
  );
  expect(await summaryRow(page, "things")).toEqual([1, 0, 0]);
  expect(await summaryRow(page, "sensors")).toEqual([3, 0, 0]);
  expect(await summaryRow(page, "datastreams")).toEqual([5, 0, 0]);
  await expect(plan.getByRole("table", { name: "Import plan" }).getByRole("row")).toHaveCount(15);
  await expect(plan.getByText(/warning/)).toBeVisible(); // the reference file's "abbreviation" is not kept
  await screenshot(page, testInfo, "import-plan.png");
  await plan.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByTestId("import-result")).toContainText(
    "1 thing, 3 sensors, 5 observed properties and 5 datastreams created",
  );

  // The same file again: everything unchanged, nothing to apply.
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(plan.getByTestId("import-plan-sentence")).toHaveText(
    "1 thing, 3 sensors, 5 observed properties and 5 datastreams unchanged",
  );
  expect(await summaryRow(page, "datastreams")).toEqual([0, 0, 5]);
  await expect(plan.getByRole("button", { name: "Apply import" })).toBeDisabled();
  await expect(plan.getByText("Nothing to change")).toBeVisible();

  // A client reports a record it could not use: the datastream page shows it.
  const fullName = `${system.name}.Main.Air Temperature`;
  const clientActor = await authenticateClient(seeded.client.principal, seeded.secret);
  if (!clientActor) throw new Error("client did not authenticate");
  await reportRejections({
    actor: clientActor,
    input: {
      rejections: [
        {
          reason: "Air Temperature: 'warm' is not a number",
          raw: JSON.stringify({
            phenomenonTime: "2026-11-25T10:00:00Z",
            datastream: { name: fullName },
            result: "warm",
          }),
          claimedName: fullName,
          topic: `${system.name}.int`,
          partition: 1,
          offset: "42",
        },
      ],
    },
  });

  // The Air Temperature datastream: full name, type, unit, links, version 1.
  await systemTab(page, "Datastreams").click();
  await page.getByLabel("Filter by type").selectOption("Measurement");
  await expect(page.getByRole("table", { name: "Datastreams" }).getByRole("row")).toHaveCount(6);
  await screenshot(page, testInfo, "datastreams.png");
  await page.getByRole("link", { name: "Air Temperature" }).click();
  await expect(page.getByRole("heading", { name: "Air Temperature" })).toBeVisible();
  await expect(page.getByTestId("datastream-full-name")).toHaveText(fullName);
  await page.getByRole("button", { name: "Copy full name" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fullName);
  const facts = page.getByLabel("Datastream facts");
  await expect(facts.getByRole("link", { name: "Main" })).toBeVisible();
  await expect(facts.getByRole("link", { name: "PT100 temperature sensor" })).toBeVisible();
  await expect(facts.getByText("DegreeCelsius")).toBeVisible();
  const versions = page.getByRole("list", { name: "Schema versions" });
  await expect(versions.getByRole("listitem")).toHaveCount(1);

  // Change the unit: a new schema version, the old one still there.
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Air Temperature" });
  await expect(edit.getByLabel("Name", { exact: true })).toHaveAttribute("readonly", "");
  await expect(edit.getByText("Cannot change: it is the last level of the full name.")).toBeVisible();
  await edit.getByLabel("Unit name").fill("Kelvin");
  await edit.getByLabel("Unit symbol").fill("K");
  await edit.getByLabel("Unit definition").fill("http://www.qudt.org/qudt/owl/1.0.0/unit/Instances.html#Kelvin");
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.screenshot({ path: testInfo.outputPath("datastream-edit.png") });
  await page.setViewportSize({ width: 1280, height: 720 });
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(versions.getByRole("listitem")).toHaveCount(2);
  const current = versions.getByRole("listitem").first();
  await expect(current).toContainText("v2");
  await expect(current).toContainText("current");
  await expect(current).toContainText("Kelvin");
  await expect(versions.getByRole("listitem").nth(1)).toContainText("DegreeCelsius");
  await expect(versions.getByRole("listitem").nth(1)).not.toContainText("current");
  const rejected = page.getByRole("table", { name: "Rejected records" });
  await expect(page.getByTestId("rejected-count")).toContainText("1 record rejected in all");
  await expect(rejected).toContainText("'warm' is not a number");
  await expect(rejected).toContainText(`${system.name}.int / 1 / 42`);
  await rejected.getByText("Raw record").click();
  await expect(rejected.getByText(/"result": "warm"/)).toBeVisible();
  await screenshot(page, testInfo, "datastream-page.png");

  // A datastream of type Observation: a name that breaks the rule shows it; an invalid schema gets the server's word.
  await page.getByRole("link", { name: "Datastreams", exact: true }).first().click();
  await page.getByRole("button", { name: "New datastream" }).click();
  const create = page.getByRole("dialog", { name: "Create a datastream" });
  await expect(create.getByLabel("Thing")).toHaveValue(/.+/); // the only thing, chosen already
  await create.getByLabel("Name", { exact: true }).fill("Position.raw");
  await create.getByRole("radio", { name: /^Observation:/ }).check();
  await expect(create.getByLabel("Result schema (JSON Schema)")).toBeVisible();
  await create.getByLabel("Result schema (JSON Schema)").fill('{"type": "object", ');
  await create.getByRole("button", { name: "Create datastream" }).click();
  await expect(create.getByText(ENTITY_RULE)).toBeVisible();
  await expect(create.getByText(/^Not valid JSON: /)).toBeVisible();
  await create.getByLabel("Name", { exact: true }).fill("Position");
  await expect(create.getByTestId("datastream-name-preview")).toHaveText(`${system.name}.Main.Position`);
  await create
    .getByLabel("Result schema (JSON Schema)")
    .fill('{"type": "object", "properties": {"lat": {"type": "nummber"}}}');
  await create.getByRole("button", { name: "Create datastream" }).click();
  await expect(create.getByText(/^Not usable as a JSON Schema object .*schema is invalid/).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("observation-schema-refused.png") });
  await create
    .getByLabel("Result schema (JSON Schema)")
    .fill(
      '{"type": "object", "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}}, "required": ["lat", "lon"]}',
    );
  await create.getByRole("button", { name: "Create datastream" }).click();
  await expect(page.getByRole("heading", { name: "Position" })).toBeVisible();
  await expect(page.getByTestId("datastream-full-name")).toHaveText(`${system.name}.Main.Position`);
  await page.getByText("Result schema", { exact: true }).click();
  await expect(page.getByRole("list", { name: "Schema versions" })).toContainText('"required": [');

  // Export Rhei YAML: the file holds both changes.
  await systemTab(page, "Import / export").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Rhei YAML" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${system.name}.rhei.yaml`);
  const exported = YAML.parse(readFileSync(await download.path(), "utf8")) as {
    rhei: number;
    datastreams: { name: string; observationType: string; unit?: { symbol?: string }; resultSchema?: unknown }[];
  };
  expect(exported.rhei).toBe(1);
  expect(exported.datastreams).toHaveLength(6);
  expect(exported.datastreams.find((d) => d.name === "Air Temperature")?.unit?.symbol).toBe("K");
  expect(exported.datastreams.find((d) => d.name === "Position")).toMatchObject({
    observationType: "Observation",
    resultSchema: { required: ["lat", "lon"] },
  });
});

test("an auditor sees everything read-only, an operator cannot create, an outsider gets 404", async ({
  page,
  context,
  browser,
}, testInfo) => {
  const { company, system, admin } = await seedSystem();
  await applyImport({ actor: admin.actor, systemId: system.id, source: readFileSync(CAR1, "utf8") });
  const auditor = await seedMember(company.id, admin, "auditor");
  const operator = await seedMember(company.id, admin, "operator");
  const systemUrl = `/companies/${company.id}/systems/${system.id}`;

  await signInViaApi(context, auditor.email, TEST_PASSWORD);
  await page.goto(`${systemUrl}/things`);
  await expect(page.getByRole("table", { name: "Things" }).getByRole("link", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New thing" })).toHaveCount(0);
  await page.getByRole("link", { name: "Main" }).click();
  await expect(page.getByRole("heading", { name: "Main", exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Datastreams" }).getByRole("row")).toHaveCount(6);
  await expect(page.getByRole("button", { name: /Edit|Delete thing|New datastream/ })).toHaveCount(0);
  await screenshot(page, testInfo, "thing-page.png");
  await page.getByRole("link", { name: "Latitude" }).click();
  await expect(page.getByTestId("datastream-full-name")).toHaveText(`${system.name}.Main.Latitude`);
  await expect(page.getByRole("main").getByText("No rejected records")).toBeVisible();
  await expect(page.getByRole("button", { name: /Edit|Delete datastream/ })).toHaveCount(0);
  await systemTab(page, "Sensors").click();
  await expect(page.getByRole("table", { name: "Sensors" }).getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("button", { name: "New sensor" })).toHaveCount(0);
  await page.getByRole("link", { name: "EM-506 GPS module" }).click();
  await expect(page.getByRole("button", { name: /Edit|Delete sensor/ })).toHaveCount(0);
  await systemTab(page, "Observed properties").click();
  await expect(page.getByRole("table", { name: "Observed properties" }).getByRole("row")).toHaveCount(6);
  await expect(page.getByRole("button", { name: "New observed property" })).toHaveCount(0);
  await systemTab(page, "Import / export").click();
  await expect(
    page.getByRole("main").getByText("Only admins and engineers import metadata; your role (auditor)"),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Dry run" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Reference instances.json" })).toBeVisible();
  await screenshot(page, testInfo, "auditor-import-export.png");

  const operatorContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  await signInViaApi(operatorContext, operator.email, TEST_PASSWORD);
  const operatorPage = await operatorContext.newPage();
  await operatorPage.goto(`${systemUrl}/datastreams`);
  await expect(operatorPage.getByRole("table", { name: "Datastreams" }).getByRole("row")).toHaveCount(6);
  await expect(operatorPage.getByRole("button", { name: "New datastream" })).toHaveCount(0);
  const refused = await operatorPage.request.post(`/api/v1/systems/${system.id}/things`, { data: { name: "Sneaky" } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { detail: string }).detail).toBe(
    "Your role (operator) may not change the twin's metadata",
  );
  await operatorContext.close();

  const outsider = await seedUser("Eve");
  const outsiderContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  await signInViaApi(outsiderContext, outsider.email, TEST_PASSWORD);
  const outsiderPage = await outsiderContext.newPage();
  for (const path of [`${systemUrl}/things`, `${systemUrl}/datastreams`, `${systemUrl}/metadata`]) {
    expect((await outsiderPage.goto(path))?.status(), path).toBe(404);
  }
  await outsiderContext.close();
});

test("an engineer creates and deletes things and sensors; the confirmations name what goes", async ({
  page,
  context,
}, testInfo) => {
  const { company, system, admin } = await seedSystem();
  await applyImport({ actor: admin.actor, systemId: system.id, source: readFileSync(CAR1, "utf8") });
  const engineer = await seedMember(company.id, admin, "engineer");
  await signInViaApi(context, engineer.email, TEST_PASSWORD);
  const systemUrl = `/companies/${company.id}/systems/${system.id}`;

  // A thing: a name with a dot is refused with the rule; the preview shows its datastreams' names.
  await page.goto(`${systemUrl}/things`);
  await page.getByRole("button", { name: "New thing" }).click();
  const create = page.getByRole("dialog", { name: "Create a thing" });
  await create.getByLabel("Name", { exact: true }).fill("Car.2");
  await create.getByLabel("Properties (JSON)").fill("[1, 2]");
  await create.getByRole("button", { name: "Create thing" }).click();
  await expect(create.getByText(ENTITY_RULE)).toBeVisible();
  await expect(create.getByText("Must be a JSON object: { … }")).toBeVisible();
  await create.getByLabel("Name", { exact: true }).fill("Trailer");
  await create.getByLabel("Properties (JSON)").fill('{"axles": 2}');
  await expect(create.getByTestId("thing-name-preview")).toHaveText(`${system.name}.Trailer.…`);
  await create.getByRole("button", { name: "Create thing" }).click();
  await expect(page.getByRole("heading", { name: "Trailer", exact: true })).toBeVisible();
  await expect(page.getByRole("main").getByText("Trailer has no datastreams yet")).toBeVisible();
  await expect(page.getByRole("main").getByText('"axles": 2')).toBeVisible();

  // Its name cannot change, and the edit form says why.
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Trailer" });
  await expect(edit.getByLabel("Name", { exact: true })).toHaveAttribute("readonly", "");
  await expect(edit.getByText(/Cannot change: it is part of the full name of each of its datastreams/)).toBeVisible();
  await edit.getByLabel("Description").fill("The trailer");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Thing facts").getByText("The trailer")).toBeVisible();

  // Deleting Main names its five datastreams and wants its name typed.
  await page.goto(`${systemUrl}/things`);
  await page.getByRole("link", { name: "Main", exact: true }).click();
  await page.getByRole("button", { name: "Delete thing" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete Main?" });
  for (const name of ["Acceleration", "Air Temperature", "Attitude", "Latitude", "Longitude"]) {
    await expect(confirm.getByText(`${system.name}.Main.${name}`)).toBeVisible();
  }
  await expect(confirm.getByRole("button", { name: "Delete thing" })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath("delete-thing.png") });
  await confirm.getByLabel("Type Main to confirm").fill("Main");
  await confirm.getByRole("button", { name: "Delete thing" }).click();
  await expect(page.getByRole("table", { name: "Things" }).getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Trailer" })).toBeVisible();

  // A sensor used by no datastream any more: renamed, then deleted.
  await page.getByRole("navigation", { name: "System" }).getByRole("link", { name: "Sensors" }).click();
  await page.getByRole("link", { name: "EM-506 GPS module" }).click();
  await page.getByRole("button", { name: "Edit" }).click();
  const editSensor = page.getByRole("dialog", { name: "Edit EM-506 GPS module" });
  await editSensor.getByLabel("Name", { exact: true }).fill("GPS");
  await editSensor.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "GPS", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Delete sensor" }).click();
  const deleteSensor = page.getByRole("alertdialog", { name: "Delete GPS?" });
  await expect(deleteSensor.getByText("No datastream uses it.")).toBeVisible();
  await deleteSensor.getByRole("button", { name: "Delete sensor" }).click();
  await expect(page.getByRole("table", { name: "Sensors" }).getByRole("row")).toHaveCount(3);
});
