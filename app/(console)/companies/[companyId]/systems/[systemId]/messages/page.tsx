import type { Metadata } from "next";
import { MessagesView } from "@/components/history/messages-view";
import { Section } from "@/components/metadata/section";
import { type ListPageProps, loadSystemPage, requireCompanyRight, type SystemIds } from "@/lib/pages/load-company-page";

export const metadata: Metadata = { title: "Messages" };

/** A system topic's messages, as a Kafka console shows them (admins and engineers). */
export default async function MessagesPage({ params, searchParams }: ListPageProps<SystemIds>) {
  const { companyId } = await params;
  await requireCompanyRight(companyId, "topic.browse");
  const { systemId } = await loadSystemPage(params, async () => ({}));
  const topic = (await searchParams).topic;
  const initial = topic === "ext" || topic === "log" ? topic : "int";
  return (
    <Section
      title="Messages"
      description="The system's topics as Kafka holds them: by time, offset or key, or live; each data message decoded, with its datastream, partition and offset."
    >
      <MessagesView systemId={systemId} initialTopic={initial} />
    </Section>
  );
}
