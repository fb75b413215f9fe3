import path from "node:path";
import { describe, expect, it } from "vitest";
import { CarModel } from "./car-model";
import { seededRandom } from "./random";
import { RouteTrack } from "./route-track";
import { WeatherModel } from "./weather-model";

const routes = path.join(import.meta.dirname, "../../data/panta-rhei/simulator");

describe("route track", () => {
  it("reads the reference routes and measures them like OpenRouteService did (within 3 %)", () => {
    for (const [file, distance] of [
      ["openroute_SRFG-round.json", 23385],
      ["openroute_Muelln-round.json", 18380.2],
      ["openroute_Mirabellplatz-round.json", 24019],
    ] as const) {
      const track = RouteTrack.fromFile(path.join(routes, file));
      expect(Math.abs(track.length - distance) / distance, file).toBeLessThan(0.03);
    }
  });

  it("loops: the position after one lap is the start again, and stays around Salzburg", () => {
    const track = RouteTrack.fromFile(path.join(routes, "openroute_SRFG-round.json"));
    const start = track.at(0);
    const lap = track.at(track.length);
    expect(lap.latitude).toBeCloseTo(start.latitude, 6);
    expect(lap.longitude).toBeCloseTo(start.longitude, 6);
    for (let d = 0; d < 3 * track.length; d += 777) {
      const p = track.at(d);
      expect(p.latitude).toBeGreaterThan(47.7);
      expect(p.latitude).toBeLessThan(47.9);
      expect(p.longitude).toBeGreaterThan(12.9);
      expect(p.longitude).toBeLessThan(13.2);
    }
  });

  it("interpolates between vertices", () => {
    const track = new RouteTrack([
      { latitude: 0, longitude: 0, altitude: 0 },
      { latitude: 0, longitude: 0.001, altitude: 10 },
    ]);
    const mid = track.at(track.length / 4);
    expect(mid.longitude).toBeCloseTo(0.0005, 6);
    expect(mid.altitude).toBeCloseTo(5, 6);
  });
});

describe("car model", () => {
  const track = RouteTrack.fromFile(path.join(routes, "openroute_SRFG-round.json"));

  it("drives at cruising speed times the time factor", () => {
    const car = new CarModel(track, { speedKmh: 36, timeFactor: 100, cautiousness: 0.5 }, seededRandom(1));
    expect(car.step(10, 10).distance).toBeCloseTo(10_000, 6); // 10 m/s × 10 s × 100
  });

  it("accelerates less on icy roads and with a cautious driver", () => {
    const mean = (temperature: number, cautiousness: number) => {
      const car = new CarModel(track, { speedKmh: 30, timeFactor: 100, cautiousness }, seededRandom(7));
      let sum = 0;
      for (let i = 0; i < 4000; i++) sum += car.step(1, temperature).acceleration;
      return sum / 4000;
    };
    expect(mean(-5, 0.5)).toBeLessThan(mean(15, 0.5) * 0.6);
    expect(mean(15, 0.9)).toBeLessThan(mean(15, 0.1));
    expect(mean(15, 0)).toBeCloseTo(2.5, 0);
  });
});

describe("weather model", () => {
  const settings = { mean: 5, dailyAmplitude: 4, yearlyAmplitude: 10, walkStep: 0.3, walkBound: 2, utcOffsetHours: 0 };

  it("is warmer in July afternoons than on January nights", () => {
    const model = new WeatherModel(settings, seededRandom(3));
    expect(model.deterministic(new Date("2026-07-24T15:00:00Z"))).toBeCloseTo(19, 0);
    expect(model.deterministic(new Date("2026-01-22T03:00:00Z"))).toBeCloseTo(-9, 0);
  });

  it("keeps the random walk within its bound", () => {
    const model = new WeatherModel(settings, seededRandom(11));
    const at = new Date("2026-04-01T12:00:00Z");
    const base = model.deterministic(at);
    for (let i = 0; i < 20_000; i++) {
      const deviation = model.observe(at) - base;
      expect(Math.abs(deviation)).toBeLessThanOrEqual(2.01);
    }
  });

  it("is repeatable for a seed", () => {
    const at = new Date("2026-04-01T12:00:00Z");
    const a = new WeatherModel(settings, seededRandom(5));
    const b = new WeatherModel(settings, seededRandom(5));
    expect([a.observe(at), a.observe(at)]).toEqual([b.observe(at), b.observe(at)]);
  });
});
