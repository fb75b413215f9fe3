import { exponential } from "./random";
import type { RouteTrack, TrackPoint } from "./route-track";

export interface CarSettings {
  /** Cruising speed in km/h (the reference cars: 30 and 35). */
  speedKmh: number;
  /** Simulated seconds per real second (the reference: 100). */
  timeFactor: number;
  /** 0..1: a cautious driver accelerates less hard. */
  cautiousness: number;
}

export interface CarObservation extends TrackPoint {
  /** The largest acceleration since the previous observation, m/s². */
  acceleration: number;
  distance: number;
}

/**
 * A car driving a looping track, as the reference demo's cars did: the position advances at cruising speed in
 * simulated time; the peak acceleration between observations is drawn from an exponential distribution whose mean
 * shrinks on cold (possibly icy) roads and with the driver's cautiousness.
 */
export class CarModel {
  private distance: number;

  constructor(
    private readonly track: RouteTrack,
    private readonly settings: CarSettings,
    private readonly random: () => number,
    startDistance = 0,
  ) {
    this.distance = startDistance;
  }

  /** Mean peak acceleration (m/s²) at an air temperature: below 0 °C drivers (and tyres) give less. */
  meanAcceleration(temperatureC: number): number {
    const grip = temperatureC < 0 ? 0.4 : temperatureC < 4 ? 0.7 : 1;
    return 2.5 * grip * (1 - 0.6 * this.settings.cautiousness);
  }

  /** Advances by `realSeconds` of wall time and observes the car. */
  step(realSeconds: number, temperatureC: number): CarObservation {
    this.distance += (this.settings.speedKmh / 3.6) * realSeconds * this.settings.timeFactor;
    const acceleration = exponential(this.random, 1 / this.meanAcceleration(temperatureC));
    return {
      ...this.track.at(this.distance),
      acceleration: Math.round(acceleration * 1000) / 1000,
      distance: this.distance,
    };
  }
}
