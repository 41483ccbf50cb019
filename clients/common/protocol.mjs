// Shared part of gwlint's Node command-client adapters (SCENARIOS.md §3, "command").
//
// No npm dependencies: each adapter folder (ai-sdk/, ai-sdk-latest/, openai/) has its own
// package.json + lockfile and imports this file by relative path.
//
// What it does:
//   - reads the GWLINT_* environment (the protocol gwlint speaks to a command client);
//   - works out the base URL the SDK should be *given* (the real one, see realBaseUrl) and a fetch
//     wrapper that sends each request to the mock instead, recording attempts and retry gaps;
//   - turns SDK errors into the result shape {outcome, status, error_code, text, message};
//   - prints that result as the last stdout line and exits 0.
//
// Logs go to stderr. The API key is never printed.

const T0 = Date.now();

export function log(...parts) {
  const ms = String(Date.now() - T0).padStart(5, ' ');
  process.stderr.write(`[gwlint-adapter +${ms}ms] ${parts.join(' ')}\n`);
}

function parseJsonEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new AdapterInputError(`${name} is not valid JSON: ${e.message}`);
  }
}

export class AdapterInputError extends Error {}

// The protocol's input. Empty GWLINT_API_VERSION means "not configured": the SDK's own default
// applies (that differs between SDK majors, which is the point of running them).
export function readEnv() {
  const baseUrl = process.env.GWLINT_BASE_URL;
  if (!baseUrl) throw new AdapterInputError('GWLINT_BASE_URL is not set');
  const call = parseJsonEnv('GWLINT_CALL', null);
  if (!call || typeof call !== 'object' || !call.op) throw new AdapterInputError('GWLINT_CALL has no "op"');
  if (!['chat', 'chat-stream', 'embeddings'].includes(call.op)) {
    throw new AdapterInputError(`GWLINT_CALL op "${call.op}" is not chat | chat-stream | embeddings`);
  }
  const headers = parseJsonEnv('GWLINT_HEADERS', {});
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
    throw new AdapterInputError('GWLINT_HEADERS must be a JSON object');
  }
  const timeout = process.env.GWLINT_TIMEOUT_MS;
  return {
    baseUrl,
    apiKey: process.env.GWLINT_API_KEY ?? '',
    deployment: process.env.GWLINT_DEPLOYMENT ?? '',
    apiVersion: process.env.GWLINT_API_VERSION ? process.env.GWLINT_API_VERSION : undefined,
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])),
    call: { op: call.op, model: call.model ?? '', input: call.input == null ? '' : String(call.input) },
    host: process.env.GWLINT_HOST || '',
    useDeploymentUrls: /^(1|true|yes)$/i.test(process.env.GWLINT_USE_DEPLOYMENT_URLS ?? ''),
    // Adapter extension, not part of gwlint's protocol: an overall deadline handed to the SDK's
    // own cancellation mechanism. Unset = the SDK's default (none for the AI SDK; 10 min for openai).
    timeoutMs: timeout && /^\d+$/.test(timeout) && Number(timeout) > 0 ? Number(timeout) : undefined,
    // Adapter extension: `direct` gives the SDK GWLINT_BASE_URL itself instead of the real URL.
    urlMode: (process.env.GWLINT_ADAPTER_URL_MODE || 'real-host').toLowerCase(),
  };
}

function splitOrigin(url) {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(url);
  return m ? { origin: m[1], rest: m[2] } : { origin: url, rest: '' };
}

// The base URL the SDK is constructed with. gwlint gives the mock's origin plus the real base
// path, and the real host separately. SDKs look at the host (@ai-sdk/azure >= 3 only adds `/v1`
// and `api-version` for *.openai.azure.com / *.services.ai.azure.com / *.cognitiveservices.azure.com
// hosts), so by default the SDK gets `https://{GWLINT_HOST}{path as written}` and our fetch wrapper
// sends the request to the mock. The path is kept exactly as written (no normalising).
export function realBaseUrl(env) {
  const { rest } = splitOrigin(env.baseUrl);
  if (env.urlMode === 'direct' || !env.host) return env.baseUrl;
  return `https://${env.host}${rest}`;
}

// Records every HTTP attempt the SDK makes and reroutes it from the real origin to the mock.
export class Transport {
  constructor(env) {
    this.mockOrigin = splitOrigin(env.baseUrl).origin;
    this.realOrigin = splitOrigin(realBaseUrl(env)).origin;
    this.attempts = []; // {method, url, started, responded, status, retryAfterMs}
    this.fetch = this.fetch.bind(this);
  }

  async fetch(input, init) {
    let url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? (typeof input === 'object' && input.method) ?? 'GET').toUpperCase();
    let sent = url;
    if (this.realOrigin !== this.mockOrigin && url.toLowerCase().startsWith(this.realOrigin.toLowerCase())) {
      sent = this.mockOrigin + url.slice(this.realOrigin.length);
    }
    const attempt = { method, url, started: Date.now(), responded: null, status: 0, retryAfterMs: null };
    this.attempts.push(attempt);
    log(`attempt ${this.attempts.length}: ${method} ${url}${sent !== url ? ` (sent to ${this.mockOrigin})` : ''}`);
    if (typeof input === 'object' && !(input instanceof URL)) {
      // A Request object: rebuild it for the new URL, keeping everything else.
      input = new Request(sent, input);
    } else {
      input = sent;
    }
    try {
      const response = await globalThis.fetch(input, init);
      attempt.responded = Date.now();
      attempt.status = response.status;
      const ms = response.headers.get('retry-after-ms');
      const s = response.headers.get('retry-after');
      if (ms != null && ms !== '' && !Number.isNaN(Number(ms))) attempt.retryAfterMs = Number(ms);
      else if (s != null && s !== '' && !Number.isNaN(Number(s))) attempt.retryAfterMs = Number(s) * 1000;
      log(`attempt ${this.attempts.length}: HTTP ${response.status} after ${attempt.responded - attempt.started} ms` +
        (attempt.retryAfterMs != null ? ` (retry-after ${attempt.retryAfterMs} ms)` : ''));
      return response;
    } catch (e) {
      attempt.failed = Date.now();
      log(`attempt ${this.attempts.length}: transport error ${describeCause(e)}`);
      throw e;
    }
  }

  // Gaps between the end of one attempt (response headers, or the transport failure) and the start
  // of the next: what gwlint compares with the retry-after(-ms) the mock sent.
  retryWaits() {
    const waits = [];
    for (let i = 1; i < this.attempts.length; i++) {
      const prev = this.attempts[i - 1];
      const end = prev.responded ?? prev.failed ?? prev.started;
      waits.push(this.attempts[i].started - end);
    }
    return waits;
  }

  last() {
    return this.attempts[this.attempts.length - 1];
  }
}

// ---------------------------------------------------------------- errors -> result

function errorChain(err) {
  const chain = [];
  const seen = new Set();
  let e = err;
  while (e && typeof e === 'object' && !seen.has(e) && chain.length < 12) {
    seen.add(e);
    chain.push(e);
    e = e.lastError ?? e.cause ?? (Array.isArray(e.errors) ? e.errors[e.errors.length - 1] : undefined);
  }
  return chain;
}

export function describeCause(err) {
  return errorChain(err)
    .map((e) => `${e.name ?? e.constructor?.name ?? 'Error'}${e.code ? `[${e.code}]` : ''}: ${e.message ?? ''}`)
    .join(' <- ');
}

function azureCodeFromBody(body) {
  if (body == null) return undefined;
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const code = parsed?.error?.code;
  return code == null ? undefined : String(code);
}

function azureMessageFromBody(body) {
  if (body == null) return undefined;
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return body.slice(0, 300) || undefined;
    }
  }
  return parsed?.error?.message;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'ESOCKETTIMEDOUT',
]);
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

function isTimeout(chain) {
  return chain.some((e) =>
    e.name === 'TimeoutError' || e.name === 'APIConnectionTimeoutError' || TIMEOUT_CODES.has(e.code ?? '') ||
    /timed? ?out/i.test(String(e.message ?? '')));
}

function isParseError(chain) {
  return chain.some((e) =>
    /JSONParseError|TypeValidationError|SyntaxError/.test(e.name ?? '') ||
    /malformed server-sent event|Could not parse message into JSON/i.test(String(e.message ?? '')));
}

// Transport category for an error with no HTTP answer to report (or one broken off in the body).
// streaming: the op reads an event stream; gotResponse: the last attempt received 2xx headers.
function transportCategory(chain, { streaming, gotResponse }) {
  const codes = chain.map((e) => e.code ?? '');
  const messages = chain.map((e) => String(e.message ?? ''));
  if (codes.some((c) => CONNECT_CODES.has(c))) return 'connection_failed';
  if (gotResponse) return streaming ? 'stream_truncated' : 'connection_reset';
  if (codes.some((c) => c === 'ECONNRESET' || c === 'EPIPE')) return 'connection_reset';
  if (codes.some((c) => c === 'UND_ERR_SOCKET') || messages.some((m) => /other side closed|socket hang up/i.test(m))) {
    return 'empty_response';
  }
  if (messages.some((m) => /^(fetch failed|terminated)$/.test(m))) return 'connection_failed';
  return undefined;
}

// Maps whatever the SDK threw (or put in an `error` stream part) to the result shape.
//   AI SDK:  RetryError -> lastError; APICallError {statusCode, responseBody, cause} (also for a
//            2xx whose body could not be read: "Failed to process successful response");
//            JSONParseError / TypeValidationError (a broken event or body).
//   openai:  APIError {status, error: {code, message}}, APIConnectionError {cause},
//            APIConnectionTimeoutError, APIUserAbortError.
//   fetch:   TypeError('fetch failed' | 'terminated') with an undici / errno cause; a TimeoutError
//            DOMException from AbortSignal.timeout (GWLINT_TIMEOUT_MS).
// aborted: the adapter's own deadline fired (an AbortError then means "timed out").
export function resultFromError(err, { transport, streaming, text = '', aborted = false }) {
  const chain = errorChain(err);
  const last = transport?.last();
  const gotResponse = !!(last && last.responded && last.status >= 200 && last.status < 300);
  const result = { outcome: 'error', status: last?.responded ? last.status : 0, error_code: '', text, message: '' };

  const statusOf = (e) => (typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : 0);
  const apiCall = chain.find((e) => statusOf(e) > 0);
  if (apiCall && (statusOf(apiCall) < 200 || statusOf(apiCall) >= 300)) {
    result.status = statusOf(apiCall);
    const code =
      azureCodeFromBody(apiCall.responseBody) ??
      (apiCall.error && typeof apiCall.error === 'object' && apiCall.error.code != null ? String(apiCall.error.code) : undefined) ??
      (apiCall.code != null && typeof apiCall.code !== 'number' && !String(apiCall.code).startsWith('UND_') ? String(apiCall.code) : undefined) ??
      azureCodeFromBody(apiCall.data);
    result.error_code = code ?? String(result.status);
    result.message = azureMessageFromBody(apiCall.responseBody) ?? apiCall.error?.message ?? apiCall.message ?? '';
    return result;
  }
  result.message = describeCause(err);
  if (!gotResponse) result.status = 0;
  const names = chain.map((e) => e.name ?? '');
  if (isTimeout(chain) || (aborted && names.some((n) => n === 'AbortError' || n === 'APIUserAbortError'))) {
    result.error_code = 'timeout';
  } else if (isParseError(chain)) {
    result.error_code = streaming ? 'malformed_event' : 'invalid_response';
  } else {
    result.error_code = transportCategory(chain, { streaming, gotResponse }) ??
      (apiCall ? (streaming ? 'stream_truncated' : 'invalid_response') : 'client_error');
  }
  return result;
}

// ---------------------------------------------------------------- output

let emitted = false;

export function emit(result, transport, extra = {}) {
  if (emitted) return;
  emitted = true;
  const line = {
    outcome: result.outcome,
    status: result.status ?? 0,
    error_code: result.error_code ?? '',
    text: result.text ?? '',
    message: result.message ?? '',
    attempts: transport ? transport.attempts.length : 0,
    retry_waits_ms: transport ? transport.retryWaits() : [],
    ...extra,
  };
  process.stdout.write(JSON.stringify(line) + '\n', () => process.exit(0));
}

export function vectorsText(n) {
  return `${n} ${n === 1 ? 'vector' : 'vectors'}`;
}

// Runs an adapter body; anything that escapes becomes a client_error result line.
export async function runAdapter(clientName, body) {
  let transport;
  const extra = { client: clientName };
  process.on('unhandledRejection', (e) => {
    log(`unhandled rejection: ${describeCause(e)}`);
  });
  try {
    const env = readEnv();
    transport = new Transport(env);
    log(`${clientName}: op=${env.call.op} deployment=${env.deployment} api-version=${env.apiVersion ?? '(SDK default)'} ` +
      `base=${realBaseUrl(env)} headers=[${Object.keys(env.headers).join(', ')}]` +
      ` deployment-urls=${env.useDeploymentUrls} timeout=${env.timeoutMs ?? '(SDK default)'}`);
    const result = await body(env, transport, extra);
    emit(result, transport, extra);
  } catch (e) {
    if (e instanceof AdapterInputError) {
      log(`bad input: ${e.message}`);
      emit({ outcome: 'error', status: 0, error_code: 'client_error', text: '', message: e.message }, transport, extra);
      return;
    }
    log(`error: ${describeCause(e)}`);
    if (e?.stack) log(e.stack.split('\n').slice(0, 4).join(' | '));
    emit(resultFromError(e, { transport, streaming: false }), transport, extra);
  }
}
