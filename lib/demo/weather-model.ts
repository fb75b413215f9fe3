import { gaussian } from "./random";

export interface WeatherSettings {
  /** Yearly mean air temperature, °C. */
  mean: number;
  /** Half the day–night swing, °C (warmest at 15:00 local). */
  dailyAmplitude: number;
  /** Half the summer–winter swing, °C (warmest in late July). */
  yearlyAmplitude: number;
  /** The random walk's step (standard deviation per observation) and its bound, °C. */
  walkStep: number;
  walkBound: number;
  /** Hours east of UTC for the daily cycle. */
  utcOffsetHours: number;
}

/**
 * A weather station's air temperature as the reference demo modelled it: mean + daily cosine + yearly cosine + a
 * random walk that is kept within ±walkBound (reflected at the bound, so it neither drifts away nor sticks).
 */
export class WeatherModel {
  private walk = 0;

  constructor(
    private readonly settings: WeatherSettings,
    private readonly random: () => number,
  ) {}

  deterministic(at: Date): number {
    const s = this.settings;
    const hours = (at.getUTCHours() + at.getUTCMinutes() / 60 + s.utcOffsetHours + 24) % 24;
    const start = Date.UTC(at.getUTCFullYear(), 0, 1);
    const dayOfYear = (at.getTime() - start) / 86_400_000;
    const daily = s.dailyAmplitude * Math.cos((2 * Math.PI * (hours - 15)) / 24);
    const yearly = s.yearlyAmplitude * Math.cos((2 * Math.PI * (dayOfYear - 205)) / 365.25);
    return s.mean + daily + yearly;
  }

  observe(at: Date): number {
    const b = this.settings.walkBound;
    let next = this.walk + gaussian(this.random) * this.settings.walkStep;
    if (next > b) next = 2 * b - next;
    if (next < -b) next = -2 * b - next;
    this.walk = Math.max(-b, Math.min(b, next));
    return Math.round((this.deterministic(at) + this.walk) * 100) / 100;
  }
}
