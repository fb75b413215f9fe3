-- Two more rollup levels, 10 s and 10 min (lib/history/choose-rollup-level.ts says why), filled from the 1 s and 1 min
-- rows already there with the rules the job merges by (store-rollups.ts): counts and sums add, min and max keep the
-- earliest time on ties, first is the smallest (time, value), last the largest. Rows are made once per new bucket,
-- so the new levels equal what the job would have written. From now on the job writes them as records arrive.
-- (No semicolon in these comments: Prisma's migration engine splits the file at every one.)
INSERT INTO "Rollup" AS r ("datastreamId", "level", "bucketStart", "records", "count", "sum",
  "min", "minT", "max", "maxT", "first", "firstT", "last", "lastT", "late")
SELECT f."datastreamId", l.coarse, floor(f."bucketStart"::numeric / l.coarse)::bigint * l.coarse,
  sum(f."records")::int, sum(f."count")::int, sum(f."sum"),
  (array_agg(f."min" ORDER BY f."min", f."minT") FILTER (WHERE f."min" IS NOT NULL))[1],
  (array_agg(f."minT" ORDER BY f."min", f."minT") FILTER (WHERE f."min" IS NOT NULL))[1],
  (array_agg(f."max" ORDER BY f."max" DESC, f."maxT") FILTER (WHERE f."max" IS NOT NULL))[1],
  (array_agg(f."maxT" ORDER BY f."max" DESC, f."maxT") FILTER (WHERE f."max" IS NOT NULL))[1],
  (array_agg(f."first" ORDER BY f."firstT", f."first") FILTER (WHERE f."first" IS NOT NULL))[1],
  (array_agg(f."firstT" ORDER BY f."firstT", f."first") FILTER (WHERE f."first" IS NOT NULL))[1],
  (array_agg(f."last" ORDER BY f."lastT" DESC, f."last" DESC) FILTER (WHERE f."last" IS NOT NULL))[1],
  (array_agg(f."lastT" ORDER BY f."lastT" DESC, f."last" DESC) FILTER (WHERE f."last" IS NOT NULL))[1],
  sum(f."late")::int
FROM "Rollup" f
JOIN (VALUES (1000, 10000), (60000, 600000)) AS l(fine, coarse) ON f."level" = l.fine
GROUP BY f."datastreamId", l.coarse, floor(f."bucketStart"::numeric / l.coarse)
ON CONFLICT ("datastreamId", "level", "bucketStart") DO NOTHING;
