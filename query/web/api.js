// Talking to copsearchd's JSON API.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status; // 0 when the daemon did not answer at all
    this.code = code;
  }
}

export async function getJson(path, signal) {
  let response;
  try {
    response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'unreachable', 'The search service did not answer.');
  }
  let body;
  try {
    body = await response.json();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(response.status, 'bad_response', 'The search service sent an unreadable answer.');
  }
  if (!response.ok) {
    const error = body.error ?? {};
    throw new ApiError(response.status, error.code ?? 'error', error.message ?? `HTTP ${response.status}`);
  }
  return body;
}

// Runs requests so that only the latest one's answer is ever used: starting a request aborts the
// one before, and an answer that arrives after a newer request started is dropped. A request
// that takes longer than `timeoutMs` fails, so a hung service is reported, not waited on forever.
export class LatestOnly {
  #generation = 0;
  #controller = null;

  constructor({ timeoutMs = 10000 } = {}) {
    this.timeoutMs = timeoutMs;
  }

  // Resolves to {value} for the latest request, or to null when a newer one superseded it.
  async run(path) {
    const generation = ++this.#generation;
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, this.timeoutMs);
    try {
      const value = await getJson(path, controller.signal);
      return generation === this.#generation ? { value } : null;
    } catch (e) {
      if (generation !== this.#generation) return null;
      if (timedOut) throw new ApiError(0, 'timeout', 'The search service took too long to answer.');
      if (e.name === 'AbortError') return null;
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  cancel() {
    this.#generation++;
    this.#controller?.abort();
  }
}
