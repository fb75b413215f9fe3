-- Search as you type (lib/search/search-everything.ts) matches names with ILIKE '…%' and '%…%'. Trigram GIN indexes
-- serve both, where a B-tree serves neither case-insensitively. pg_trgm ships with PostgreSQL (contrib) and is a
-- trusted extension, so the database's owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "System_name_trgm_idx" ON "System" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Client_name_trgm_idx" ON "Client" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Client_principal_trgm_idx" ON "Client" USING GIN ("principal" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Thing_name_trgm_idx" ON "Thing" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Datastream_name_trgm_idx" ON "Datastream" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Datastream_fullName_trgm_idx" ON "Datastream" USING GIN ("fullName" gin_trgm_ops);
