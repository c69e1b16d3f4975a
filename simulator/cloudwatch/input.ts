// Reading an operation's JSON input member by member, refusing what CloudWatch refuses with its own codes. Members
// are named in messages the way CloudWatch names them, with the query protocol's paths (MetricData.member.1.Value).
import { CloudWatchError, invalidValue, missingParameter } from './errors';

type Json = Record<string, unknown>;

interface Bounds {
  min?: number;
  max?: number;
}

export class Input {
  private constructor(
    private readonly value: Json,
    /** The path of this structure, with a trailing dot when not at the top. */
    private readonly prefix: string,
  ) {}

  static of(value: unknown): Input {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new CloudWatchError('SerializationException', 'The request body must be a JSON object.');
    }
    return new Input(value as Json, '');
  }

  path(name: string): string {
    return `${this.prefix}${name}`;
  }

  has(name: string): boolean {
    return this.value[name] !== undefined && this.value[name] !== null;
  }

  optionalString(name: string, bounds: Bounds = {}): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw wrongType(this.path(name), 'a string');
    if (value.length < (bounds.min ?? 0) || value.length > (bounds.max ?? Infinity)) {
      throw invalidValue(
        `The parameter ${this.path(name)} must be between ${bounds.min ?? 0} and ${bounds.max} characters long.`,
      );
    }
    return value;
  }

  string(name: string, bounds: Bounds = { min: 1 }): string {
    const value = this.optionalString(name, bounds);
    if (value === undefined) throw missingParameter(this.path(name));
    return value;
  }

  optionalEnum<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.optionalString(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalidValue(
        `The value ${value} for parameter ${this.path(name)} is not valid. Valid values: ${allowed.join(', ')}.`,
      );
    }
    return value as T;
  }

  enumValue<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.optionalEnum(name, allowed);
    if (value === undefined) throw missingParameter(this.path(name));
    return value;
  }

  optionalNumber(name: string, options: Bounds & { integer?: boolean } = {}): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(this.path(name), 'a number');
    if (
      (options.integer && !Number.isInteger(value)) ||
      value < (options.min ?? -Infinity) ||
      value > (options.max ?? Infinity)
    ) {
      throw invalidValue(`The value ${value} for parameter ${this.path(name)} is not valid.`);
    }
    return value;
  }

  number(name: string, options: Bounds & { integer?: boolean } = {}): number {
    const value = this.optionalNumber(name, options);
    if (value === undefined) throw missingParameter(this.path(name));
    return value;
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw wrongType(this.path(name), 'a boolean');
    return value;
  }

  /** A timestamp as the JSON protocol sends it (epoch seconds, possibly fractional), in epoch milliseconds. */
  optionalTimestamp(name: string): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return Date.parse(value);
    throw wrongType(this.path(name), 'a timestamp');
  }

  timestamp(name: string): number {
    const value = this.optionalTimestamp(name);
    if (value === undefined) throw missingParameter(this.path(name));
    return value;
  }

  optionalStructure(name: string): Input | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(this.path(name), 'a structure');
    return new Input(value as Json, `${this.path(name)}.`);
  }

  structure(name: string): Input {
    const value = this.optionalStructure(name);
    if (!value) throw missingParameter(this.path(name));
    return value;
  }

  /** A list of structures, each with its query-protocol path (Name.member.1.). */
  structures(name: string, bounds: Bounds = {}): Input[] {
    return this.list(name, bounds).map((value, i) => {
      const path = `${this.path(name)}.member.${i + 1}`;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw wrongType(path, 'a structure');
      return new Input(value as Json, `${path}.`);
    });
  }

  strings(name: string, bounds: Bounds = {}): string[] {
    return this.list(name, bounds).map((value, i) => {
      if (typeof value !== 'string') throw wrongType(`${this.path(name)}.member.${i + 1}`, 'a string');
      return value;
    });
  }

  numbers(name: string, bounds: Bounds = {}): number[] {
    return this.list(name, bounds).map((value, i) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw wrongType(`${this.path(name)}.member.${i + 1}`, 'a number');
      }
      return value;
    });
  }

  private list(name: string, bounds: Bounds): unknown[] {
    const value = this.raw(name) ?? [];
    if (!Array.isArray(value)) throw wrongType(this.path(name), 'a list');
    if (value.length > (bounds.max ?? Infinity)) {
      throw new CloudWatchError(
        'ValidationError',
        `The collection ${this.path(name)} must not have a size greater than ${bounds.max}.`,
      );
    }
    if (value.length < (bounds.min ?? 0)) {
      if (value.length === 0) throw missingParameter(this.path(name));
      throw invalidValue(`The collection ${this.path(name)} must have at least ${bounds.min} members.`);
    }
    return value;
  }

  private raw(name: string): unknown {
    const value = this.value[name];
    return value === null ? undefined : value;
  }
}

const wrongType = (path: string, expected: string) =>
  new CloudWatchError('SerializationException', `${path} must be ${expected}.`);
