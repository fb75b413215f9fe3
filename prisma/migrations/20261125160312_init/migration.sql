-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'engineer', 'operator', 'auditor');

-- CreateEnum
CREATE TYPE "ClientStatus" AS ENUM ('active', 'revoked');

-- CreateEnum
CREATE TYPE "ObservationType" AS ENUM ('Measurement', 'Count', 'Truth', 'Category', 'Observation');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('user', 'token', 'client', 'system');

-- CreateEnum
CREATE TYPE "ProvisioningStatus" AS ENUM ('pending', 'ready', 'error', 'drift');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Company" (
    "id" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "enterprise" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "userId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("userId","companyId")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "System" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "workcenter" TEXT NOT NULL,
    "station" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "retentionDays" INTEGER NOT NULL DEFAULT 14,
    "partitions" INTEGER NOT NULL DEFAULT 3,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "System_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Client" (
    "id" UUID NOT NULL,
    "systemId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "principal" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "secretVersion" INTEGER NOT NULL DEFAULT 1,
    "status" "ClientStatus" NOT NULL DEFAULT 'active',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "rotatedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Thing" (
    "id" UUID NOT NULL,
    "systemId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "properties" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Thing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sensor" (
    "id" UUID NOT NULL,
    "systemId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "encodingType" TEXT NOT NULL DEFAULT '',
    "metadata" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Sensor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObservedProperty" (
    "id" UUID NOT NULL,
    "systemId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "definition" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ObservedProperty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Datastream" (
    "id" UUID NOT NULL,
    "systemId" UUID NOT NULL,
    "thingId" UUID NOT NULL,
    "sensorId" UUID,
    "observedPropertyId" UUID,
    "name" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "unitName" TEXT NOT NULL DEFAULT '',
    "unitSymbol" TEXT NOT NULL DEFAULT '',
    "unitDefinition" TEXT NOT NULL DEFAULT '',
    "observationType" "ObservationType" NOT NULL,
    "resultSchema" JSONB,
    "schemaVersion" INTEGER NOT NULL DEFAULT 1,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Datastream_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatastreamSchemaVersion" (
    "id" UUID NOT NULL,
    "datastreamId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "observationType" "ObservationType" NOT NULL,
    "unitName" TEXT NOT NULL DEFAULT '',
    "unitSymbol" TEXT NOT NULL DEFAULT '',
    "unitDefinition" TEXT NOT NULL DEFAULT '',
    "resultSchema" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatastreamSchemaVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RejectedRecord" (
    "id" UUID NOT NULL,
    "systemId" UUID NOT NULL,
    "datastreamId" UUID,
    "claimedName" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "sample" TEXT NOT NULL,
    "reportedBy" TEXT NOT NULL,
    "topic" TEXT,
    "partition" INTEGER,
    "offset" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RejectedRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "companyId" UUID,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "targetLabel" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProvisioningState" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "systemId" UUID,
    "clientId" UUID,
    "resourceType" TEXT NOT NULL,
    "resourceKey" TEXT NOT NULL,
    "desired" JSONB NOT NULL,
    "observed" JSONB,
    "status" "ProvisioningStatus" NOT NULL DEFAULT 'pending',
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastReconciledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProvisioningState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Company_domain_enterprise_key" ON "Company"("domain", "enterprise");

-- CreateIndex
CREATE INDEX "Membership_companyId_role_idx" ON "Membership"("companyId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "System_name_key" ON "System"("name");

-- CreateIndex
CREATE INDEX "System_companyId_createdAt_idx" ON "System"("companyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "System_companyId_workcenter_station_key" ON "System"("companyId", "workcenter", "station");

-- CreateIndex
CREATE UNIQUE INDEX "Client_principal_key" ON "Client"("principal");

-- CreateIndex
CREATE UNIQUE INDEX "Client_systemId_name_key" ON "Client"("systemId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Thing_systemId_name_key" ON "Thing"("systemId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Sensor_systemId_name_key" ON "Sensor"("systemId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ObservedProperty_systemId_name_key" ON "ObservedProperty"("systemId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Datastream_fullName_key" ON "Datastream"("fullName");

-- CreateIndex
CREATE INDEX "Datastream_systemId_name_idx" ON "Datastream"("systemId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Datastream_thingId_name_key" ON "Datastream"("thingId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "DatastreamSchemaVersion_datastreamId_version_key" ON "DatastreamSchemaVersion"("datastreamId", "version");

-- CreateIndex
CREATE INDEX "RejectedRecord_datastreamId_at_idx" ON "RejectedRecord"("datastreamId", "at");

-- CreateIndex
CREATE INDEX "RejectedRecord_systemId_at_idx" ON "RejectedRecord"("systemId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_companyId_at_idx" ON "AuditEvent"("companyId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_companyId_actorLabel_at_idx" ON "AuditEvent"("companyId", "actorLabel", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_companyId_targetType_targetId_idx" ON "AuditEvent"("companyId", "targetType", "targetId");

-- CreateIndex
CREATE INDEX "ProvisioningState_companyId_status_idx" ON "ProvisioningState"("companyId", "status");

-- CreateIndex
CREATE INDEX "ProvisioningState_systemId_idx" ON "ProvisioningState"("systemId");

-- CreateIndex
CREATE INDEX "ProvisioningState_clientId_idx" ON "ProvisioningState"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "ProvisioningState_resourceType_resourceKey_key" ON "ProvisioningState"("resourceType", "resourceKey");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "System" ADD CONSTRAINT "System_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thing" ADD CONSTRAINT "Thing_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sensor" ADD CONSTRAINT "Sensor_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservedProperty" ADD CONSTRAINT "ObservedProperty_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Datastream" ADD CONSTRAINT "Datastream_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Datastream" ADD CONSTRAINT "Datastream_thingId_fkey" FOREIGN KEY ("thingId") REFERENCES "Thing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Datastream" ADD CONSTRAINT "Datastream_sensorId_fkey" FOREIGN KEY ("sensorId") REFERENCES "Sensor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Datastream" ADD CONSTRAINT "Datastream_observedPropertyId_fkey" FOREIGN KEY ("observedPropertyId") REFERENCES "ObservedProperty"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatastreamSchemaVersion" ADD CONSTRAINT "DatastreamSchemaVersion_datastreamId_fkey" FOREIGN KEY ("datastreamId") REFERENCES "Datastream"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RejectedRecord" ADD CONSTRAINT "RejectedRecord_datastreamId_fkey" FOREIGN KEY ("datastreamId") REFERENCES "Datastream"("id") ON DELETE SET NULL ON UPDATE CASCADE;
