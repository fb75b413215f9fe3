-- CreateTable
CREATE TABLE "Rollup" (
    "datastreamId" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "bucketStart" BIGINT NOT NULL,
    "records" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION,
    "minT" BIGINT,
    "max" DOUBLE PRECISION,
    "maxT" BIGINT,
    "first" DOUBLE PRECISION,
    "firstT" BIGINT,
    "last" DOUBLE PRECISION,
    "lastT" BIGINT,
    "late" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Rollup_pkey" PRIMARY KEY ("datastreamId","level","bucketStart")
);

-- CreateTable
CREATE TABLE "RollupPosition" (
    "systemId" UUID NOT NULL,
    "partition" INTEGER NOT NULL,
    "next" BIGINT NOT NULL,
    "maxBrokerTs" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RollupPosition_pkey" PRIMARY KEY ("systemId","partition")
);

-- AddForeignKey
ALTER TABLE "Rollup" ADD CONSTRAINT "Rollup_datastreamId_fkey" FOREIGN KEY ("datastreamId") REFERENCES "Datastream"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RollupPosition" ADD CONSTRAINT "RollupPosition_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;
