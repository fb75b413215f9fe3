import { readFileSync } from "node:fs";
import { z } from "zod";

// The reference platform's car routes (data/panta-rhei/simulator/openroute_*-round.json): OpenRouteService
// features whose geometry is a list of [latitude, longitude, elevation] points (not GeoJSON's [lon, lat]), closed loops.
const routeFile = z.object({
  type: z.literal("Feature"),
  geometry: z.array(z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180), z.number()])).min(2),
  properties: z.object({ summary: z.object({ distance: z.number() }) }).passthrough(),
});

export interface TrackPoint {
  latitude: number;
  longitude: number;
  /** Metres above sea level. */
  altitude: number;
}

const EARTH_RADIUS_M = 6_371_008.8;

function haversine(a: TrackPoint, b: TrackPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A closed road track: the position at any distance driven, looping forever. */
export class RouteTrack {
  readonly length: number;
  private readonly cumulative: number[];

  constructor(readonly points: TrackPoint[]) {
    if (points.length < 2) throw new Error("a track needs at least two points");
    this.cumulative = [0];
    for (let i = 1; i < points.length; i++) {
      this.cumulative.push(
        (this.cumulative[i - 1] ?? 0) + haversine(points[i - 1] as TrackPoint, points[i] as TrackPoint),
      );
    }
    // Close the loop back to the start, so driving on past the end is seamless.
    this.length = (this.cumulative.at(-1) ?? 0) + haversine(points.at(-1) as TrackPoint, points[0] as TrackPoint);
  }

  static fromFile(path: string): RouteTrack {
    const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
    const parsed = routeFile.parse(JSON.parse(text));
    return new RouteTrack(
      parsed.geometry.map(([latitude, longitude, altitude]) => ({ latitude, longitude, altitude })),
    );
  }

  /** The point at `distance` metres along the track (modulo its length), interpolated between vertices. */
  at(distance: number): TrackPoint {
    const d = ((distance % this.length) + this.length) % this.length;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.cumulative[mid] ?? 0) <= d) lo = mid;
      else hi = mid - 1;
    }
    const a = this.points[lo] as TrackPoint;
    const b = this.points[(lo + 1) % this.points.length] as TrackPoint;
    const start = this.cumulative[lo] ?? 0;
    const end = lo + 1 < this.cumulative.length ? (this.cumulative[lo + 1] ?? this.length) : this.length;
    const f = end > start ? (d - start) / (end - start) : 0;
    return {
      latitude: a.latitude + (b.latitude - a.latitude) * f,
      longitude: a.longitude + (b.longitude - a.longitude) * f,
      altitude: a.altitude + (b.altitude - a.altitude) * f,
    };
  }
}
