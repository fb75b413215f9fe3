-- CreateTable
CREATE TABLE "ClientActivity" (
    "clientId" UUID NOT NULL,
    "lastProducedAt" TIMESTAMP(3),
    "producedPerMinute" INTEGER NOT NULL DEFAULT 0,
    "lastConsumedAt" TIMESTAMP(3),
    "consumedPerMinute" INTEGER NOT NULL DEFAULT 0,
    "committed" BIGINT,
    "lag" BIGINT,
    "groupState" TEXT,
    "groupMembers" INTEGER NOT NULL DEFAULT 0,
    "polledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClientActivity_pkey" PRIMARY KEY ("clientId")
);

-- AddForeignKey
ALTER TABLE "ClientActivity" ADD CONSTRAINT "ClientActivity_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;
