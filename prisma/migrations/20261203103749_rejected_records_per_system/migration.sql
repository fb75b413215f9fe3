-- AlterTable
ALTER TABLE "System" ADD COLUMN     "rejectedCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "rejectedCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "RejectedRecord_systemId_reportedBy_at_idx" ON "RejectedRecord"("systemId", "reportedBy", "at");

-- CreateIndex
CREATE UNIQUE INDEX "RejectedRecord_topic_partition_offset_key" ON "RejectedRecord"("topic", "partition", "offset");
