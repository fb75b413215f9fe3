-- CreateEnum
CREATE TYPE "GrantStatus" AS ENUM ('offered', 'accepted', 'declined', 'revoked');

-- CreateEnum
CREATE TYPE "StreamAppKind" AS ENUM ('filter', 'join');

-- CreateEnum
CREATE TYPE "StreamAppDesiredState" AS ENUM ('running', 'stopped');

-- AlterTable
ALTER TABLE "ProvisioningState" ADD COLUMN     "streamAppId" UUID;

-- CreateTable
CREATE TABLE "Grant" (
    "id" UUID NOT NULL,
    "sourceCompanyId" UUID NOT NULL,
    "sourceSystemId" UUID NOT NULL,
    "targetCompanyId" UUID NOT NULL,
    "targetSystemId" UUID,
    "datastreams" TEXT NOT NULL,
    "filter" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "endsAt" TIMESTAMP(3),
    "status" "GrantStatus" NOT NULL DEFAULT 'offered',
    "offeredById" UUID,
    "offeredBy" TEXT NOT NULL,
    "answeredBy" TEXT,
    "answeredAt" TIMESTAMP(3),
    "revokedBy" TEXT,
    "revokedAt" TIMESTAMP(3),
    "revokedByCompanyId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StreamApp" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "StreamAppKind" NOT NULL DEFAULT 'filter',
    "targetSystemId" UUID,
    "targetSystemName" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "query" TEXT NOT NULL,
    "spec" JSONB NOT NULL DEFAULT '{}',
    "outputDatastreamId" UUID,
    "desiredState" "StreamAppDesiredState" NOT NULL DEFAULT 'stopped',
    "principal" TEXT NOT NULL,
    "credentialVersion" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deployedAt" TIMESTAMP(3),
    "stoppedAt" TIMESTAMP(3),

    CONSTRAINT "StreamApp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StreamAppVersion" (
    "id" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "query" TEXT NOT NULL,
    "spec" JSONB NOT NULL DEFAULT '{}',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StreamAppVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StreamAppSource" (
    "appId" UUID NOT NULL,
    "systemId" UUID NOT NULL,
    "grantId" UUID,
    "input" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StreamAppSource_pkey" PRIMARY KEY ("appId","systemId")
);

-- CreateTable
CREATE TABLE "StreamAppStream" (
    "appId" UUID NOT NULL,
    "datastreamId" UUID NOT NULL,

    CONSTRAINT "StreamAppStream_pkey" PRIMARY KEY ("appId","datastreamId")
);

-- CreateTable
CREATE TABLE "StreamAppRunner" (
    "appId" UUID NOT NULL,
    "workerId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL,
    "partitions" JSONB NOT NULL DEFAULT '[]',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StreamAppRunner_pkey" PRIMARY KEY ("appId","workerId")
);

-- CreateTable
CREATE TABLE "StreamAppPartition" (
    "appId" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "recordsIn" BIGINT NOT NULL DEFAULT 0,
    "recordsOut" BIGINT NOT NULL DEFAULT 0,
    "filteredOut" BIGINT NOT NULL DEFAULT 0,
    "decodeFailed" BIGINT NOT NULL DEFAULT 0,
    "missingPath" BIGINT NOT NULL DEFAULT 0,
    "typeMismatch" BIGINT NOT NULL DEFAULT 0,
    "notFinite" BIGINT NOT NULL DEFAULT 0,
    "position" BIGINT,
    "lag" BIGINT,
    "lastRecordAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StreamAppPartition_pkey" PRIMARY KEY ("appId","topic","partition")
);

-- CreateTable
CREATE TABLE "StreamAppLogEntry" (
    "id" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "level" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "workerId" TEXT,

    CONSTRAINT "StreamAppLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Grant_sourceCompanyId_status_createdAt_idx" ON "Grant"("sourceCompanyId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Grant_targetCompanyId_status_createdAt_idx" ON "Grant"("targetCompanyId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Grant_sourceSystemId_idx" ON "Grant"("sourceSystemId");

-- CreateIndex
CREATE UNIQUE INDEX "StreamApp_principal_key" ON "StreamApp"("principal");

-- CreateIndex
CREATE INDEX "StreamApp_targetSystemId_idx" ON "StreamApp"("targetSystemId");

-- CreateIndex
CREATE INDEX "StreamApp_desiredState_idx" ON "StreamApp"("desiredState");

-- CreateIndex
CREATE UNIQUE INDEX "StreamApp_companyId_name_key" ON "StreamApp"("companyId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "StreamAppVersion_appId_version_key" ON "StreamAppVersion"("appId", "version");

-- CreateIndex
CREATE INDEX "StreamAppSource_systemId_idx" ON "StreamAppSource"("systemId");

-- CreateIndex
CREATE INDEX "StreamAppStream_datastreamId_idx" ON "StreamAppStream"("datastreamId");

-- CreateIndex
CREATE INDEX "StreamAppLogEntry_appId_at_idx" ON "StreamAppLogEntry"("appId", "at");

-- CreateIndex
CREATE INDEX "ProvisioningState_streamAppId_idx" ON "ProvisioningState"("streamAppId");

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_sourceCompanyId_fkey" FOREIGN KEY ("sourceCompanyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_targetCompanyId_fkey" FOREIGN KEY ("targetCompanyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_sourceSystemId_fkey" FOREIGN KEY ("sourceSystemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_targetSystemId_fkey" FOREIGN KEY ("targetSystemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamApp" ADD CONSTRAINT "StreamApp_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamApp" ADD CONSTRAINT "StreamApp_targetSystemId_fkey" FOREIGN KEY ("targetSystemId") REFERENCES "System"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamAppVersion" ADD CONSTRAINT "StreamAppVersion_appId_fkey" FOREIGN KEY ("appId") REFERENCES "StreamApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamAppSource" ADD CONSTRAINT "StreamAppSource_appId_fkey" FOREIGN KEY ("appId") REFERENCES "StreamApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamAppSource" ADD CONSTRAINT "StreamAppSource_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamAppSource" ADD CONSTRAINT "StreamAppSource_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamAppStream" ADD CONSTRAINT "StreamAppStream_appId_fkey" FOREIGN KEY ("appId") REFERENCES "StreamApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamAppStream" ADD CONSTRAINT "StreamAppStream_datastreamId_fkey" FOREIGN KEY ("datastreamId") REFERENCES "Datastream"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamAppRunner" ADD CONSTRAINT "StreamAppRunner_appId_fkey" FOREIGN KEY ("appId") REFERENCES "StreamApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamAppPartition" ADD CONSTRAINT "StreamAppPartition_appId_fkey" FOREIGN KEY ("appId") REFERENCES "StreamApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamAppLogEntry" ADD CONSTRAINT "StreamAppLogEntry_appId_fkey" FOREIGN KEY ("appId") REFERENCES "StreamApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;
