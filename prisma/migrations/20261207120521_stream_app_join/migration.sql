-- AlterTable
ALTER TABLE "StreamAppRunner" ADD COLUMN     "joinState" JSONB;

-- AlterTable
ALTER TABLE "StreamAppPartition" ADD COLUMN     "lateRecords" BIGINT NOT NULL DEFAULT 0;
