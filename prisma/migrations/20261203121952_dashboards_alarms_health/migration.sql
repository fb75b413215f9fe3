-- CreateEnum
CREATE TYPE "AlarmSeverity" AS ENUM ('critical', 'major', 'minor', 'warning');

-- CreateEnum
CREATE TYPE "AlarmKind" AS ENUM ('above', 'below', 'outside', 'equals', 'silent');

-- CreateEnum
CREATE TYPE "AlarmState" AS ENUM ('open', 'cleared');

-- AlterTable
ALTER TABLE "Datastream" ADD COLUMN     "expectedIntervalSeconds" INTEGER;

-- CreateTable
CREATE TABLE "Dashboard" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "panels" JSONB NOT NULL DEFAULT '[]',
    "ownerId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dashboard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlarmRule" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "datastreamId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AlarmKind" NOT NULL,
    "threshold" DOUBLE PRECISION,
    "low" DOUBLE PRECISION,
    "high" DOUBLE PRECISION,
    "value" TEXT,
    "holdSeconds" INTEGER NOT NULL DEFAULT 0,
    "severity" "AlarmSeverity" NOT NULL DEFAULT 'major',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "conditionSince" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlarmRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alarm" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "ruleId" UUID NOT NULL,
    "datastreamId" UUID NOT NULL,
    "severity" "AlarmSeverity" NOT NULL,
    "state" "AlarmState" NOT NULL DEFAULT 'open',
    "openRuleId" UUID,
    "message" TEXT NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "lastValue" JSONB,
    "occurrences" INTEGER NOT NULL DEFAULT 1,
    "clearedAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" UUID,
    "acknowledgedBy" TEXT,

    CONSTRAINT "Alarm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatastreamHealth" (
    "datastreamId" UUID NOT NULL,
    "lastPhenomenonAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),
    "lastValue" JSONB,
    "perMinute" INTEGER NOT NULL DEFAULT 0,
    "perHour" INTEGER NOT NULL DEFAULT 0,
    "intervalMs" INTEGER,
    "silentSince" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DatastreamHealth_pkey" PRIMARY KEY ("datastreamId")
);

-- CreateIndex
CREATE INDEX "Dashboard_companyId_updatedAt_idx" ON "Dashboard"("companyId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Dashboard_companyId_name_key" ON "Dashboard"("companyId", "name");

-- CreateIndex
CREATE INDEX "AlarmRule_datastreamId_idx" ON "AlarmRule"("datastreamId");

-- CreateIndex
CREATE INDEX "AlarmRule_companyId_idx" ON "AlarmRule"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "Alarm_openRuleId_key" ON "Alarm"("openRuleId");

-- CreateIndex
CREATE INDEX "Alarm_companyId_state_raisedAt_idx" ON "Alarm"("companyId", "state", "raisedAt");

-- CreateIndex
CREATE INDEX "Alarm_datastreamId_raisedAt_idx" ON "Alarm"("datastreamId", "raisedAt");

-- AddForeignKey
ALTER TABLE "Dashboard" ADD CONSTRAINT "Dashboard_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlarmRule" ADD CONSTRAINT "AlarmRule_datastreamId_fkey" FOREIGN KEY ("datastreamId") REFERENCES "Datastream"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alarm" ADD CONSTRAINT "Alarm_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlarmRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatastreamHealth" ADD CONSTRAINT "DatastreamHealth_datastreamId_fkey" FOREIGN KEY ("datastreamId") REFERENCES "Datastream"("id") ON DELETE CASCADE ON UPDATE CASCADE;
