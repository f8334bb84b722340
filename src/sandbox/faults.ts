/**
 * Fault switches of the sandbox: the ways a real MegaWMS (or the network in front of it)
 * misbehaves, turned on by tests and cleared again.
 */
import type { EndpointName } from '../main/core/megawms/endpoints';

/**
 * What to break. `latencyMs` delays the answer (after the call was processed);
 * `status5xx` answers that status with a small body, `htmlErrorPage` a 500 IIS error page,
 * both without processing; `drop: 'before'` closes the connection without processing,
 * `drop: 'after'` processes (an AddOrder creates its order) and then closes it;
 * `malformedJson` processes and answers 200 with the JSON cut in half. `endpoints` limits
 * the faults to those calls, `times` to the next N matching calls (default: until cleared).
 */
export interface SandboxFaults {
  latencyMs?: number;
  status5xx?: number;
  htmlErrorPage?: boolean;
  drop?: 'before' | 'after';
  malformedJson?: boolean;
  endpoints?: EndpointName[];
  times?: number;
}

/** The faults that apply to one request (empty when none do). */
export type ActiveFault = Omit<SandboxFaults, 'endpoints' | 'times'>;

/** Holds the current faults and hands them out request by request. */
export interface FaultSwitch {
  set(faults: SandboxFaults): void;
  clear(): void;
  /** The faults for this call; counts the call against `times`. */
  take(endpoint: EndpointName): ActiveFault;
}

/** A fault switch with nothing switched on. */
export function createFaultSwitch(): FaultSwitch {
  let current: SandboxFaults | undefined;
  let remaining = Infinity;

  return {
    set(faults) {
      checkFaults(faults);
      current = { ...faults };
      remaining = faults.times ?? Infinity;
    },
    clear() {
      current = undefined;
    },
    take(endpoint) {
      if (!current || remaining <= 0) return {};
      if (current.endpoints && !current.endpoints.includes(endpoint)) return {};
      remaining -= 1;
      const { endpoints: _endpoints, times: _times, ...fault } = current;
      if (remaining <= 0) current = undefined;
      return fault;
    },
  };
}

/** Catches a test's typo early rather than letting the sandbox answer oddly. */
function checkFaults(faults: SandboxFaults): void {
  const status = faults.status5xx;
  if (status !== undefined && (!Number.isInteger(status) || status < 500 || status > 599)) {
    throw new RangeError(`status5xx must be a 5xx HTTP status, got ${status}`);
  }
  if (faults.times !== undefined && (!Number.isInteger(faults.times) || faults.times < 1)) {
    throw new RangeError(`times must be a whole number of at least 1, got ${faults.times}`);
  }
  if (faults.latencyMs !== undefined && !(faults.latencyMs >= 0)) {
    throw new RangeError(`latencyMs must be 0 or more, got ${faults.latencyMs}`);
  }
}
