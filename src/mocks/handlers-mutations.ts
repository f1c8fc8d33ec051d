/**
 * Section 3 of the contract: the mutations, behind the same gate of
 * session, CSRF token, request id, Idempotency-Key and expectedAccountId.
 */
import { http, type HttpHandler } from 'msw';
import { validateCard } from './card-validation.js';
import { missingRequestId } from './handlers-data.js';
import {
  badRequest,
  hashText,
  isRecord,
  notFound,
  problemResponse,
  sleep,
  unauthenticated,
  validationFailed,
  type ResponseExtras,
} from './http-kit.js';
import { REAUTH_MAX_AGE_S, type MockBackend } from './mock-backend.js';
import { answerEnvelope, receive, type Incoming } from './pipeline.js';
import { MUTATION_TIMEOUT_MS } from './scenarios.js';
import { clearedSessionCookie, csrfTokenFor, type ParsedToken } from './session-token.js';
import type { AccountState, FieldError, MutationEndpointKey } from './types.js';
import { contractView, devicesView, favoritesView, paymentMethodView } from './views.js';

export interface ActContext {
  state: AccountState;
  session: ParsedToken;
  incoming: Incoming;
  body: Record<string, unknown>;
  param: (name: string) => string;
}

/** The answer's data (stored for idempotent replays), or a refusal that changed nothing. */
export type ActResult = { data: unknown; extras?: ResponseExtras } | Response;

/** What the `validation` scenario claims is wrong, per endpoint. */
const FAULT_ERRORS: Record<MutationEndpointKey, FieldError[]> = {
  'card-tokens': [
    { field: 'number', code: 'luhn' },
    { field: 'cvc', code: 'format' },
  ],
  'payment-method-card': [{ field: 'cardToken', code: 'invalid' }],
  'device-delete': [{ field: 'deviceId', code: 'in_use' }],
  'history-delete': [{ field: 'entryId', code: 'invalid' }],
  'favorite-delete': [{ field: 'titleId', code: 'invalid' }],
  'contract-cancel': [{ field: 'reason', code: 'too_long' }],
  'logout-all': [{ field: 'expectedAccountId', code: 'invalid' }],
  'device-lookup': [{ field: 'userCode', code: 'format' }],
  'device-approve': [{ field: 'userCode', code: 'format' }],
  'device-deny': [{ field: 'userCode', code: 'format' }],
};

/** Contract section 5: these need authTime within REAUTH_MAX_AGE_S. */
const SENSITIVE: ReadonlySet<MutationEndpointKey> = new Set(['payment-method-card', 'contract-cancel', 'logout-all']);

/** Key order must not make a retry look like a different request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const removeWhere = <T>(items: T[], match: (item: T) => boolean): boolean => {
  const index = items.findIndex(match);
  if (index < 0) return false;
  items.splice(index, 1);
  return true;
};

export type MutationRoute = (
  endpoint: MutationEndpointKey,
  method: 'post' | 'delete',
  path: string,
  act: (context: ActContext) => ActResult,
) => HttpHandler;

/** The gate every mutation goes through, for this file and handlers-device.ts. */
export function mutationRoute(backend: MockBackend, apiBase: string): MutationRoute {
  return (endpoint, method, path, act) =>
    http[method](`${apiBase}${path}`, async ({ request, cookies, params }) => {
      const incoming = await receive(backend, endpoint, request, cookies);
      if (incoming instanceof Response) return incoming;
      const { session, requestId, body } = incoming;
      if (!session) return unauthenticated();
      if (request.headers.get('x-csrf-token') !== csrfTokenFor(session.token)) {
        return problemResponse(403, 'csrf', 'Forbidden', 'CSRF トークンが正しくありません。');
      }
      if (!requestId) return missingRequestId();
      const key = request.headers.get('idempotency-key')?.trim();
      if (!key) return badRequest('missing-idempotency-key', 'Idempotency-Key ヘッダーが必要です。');
      if (body.kind !== 'json') return badRequest('invalid-json', 'JSON の本文が必要です。');
      if (!isRecord(body.value) || body.value['expectedAccountId'] !== session.accountId) {
        return problemResponse(
          409,
          'account-mismatch',
          'Account mismatch',
          '操作対象のアカウントがログイン中のアカウントと一致しません。',
        );
      }

      const fingerprint = `${endpoint} ${incoming.url.pathname} ${hashText(canonicalJson(body.value))}`;
      const stored = backend.findIdempotent(session.accountId, key);
      if (stored) {
        if (stored.fingerprint !== fingerprint) {
          return problemResponse(
            409,
            'idempotency-key-reused',
            'Idempotency key reused',
            'この Idempotency-Key は別の操作に使われています。',
          );
        }
        // The stored answer, but addressed to this request: its own requestId.
        return answerEnvelope(backend, incoming, session, requestId, endpoint, stored.data, {
          extras: { headers: { 'Idempotent-Replayed': 'true' } },
        });
      }
      if (incoming.scenario === 'conflict') {
        return problemResponse(
          409,
          'conflict',
          'Conflict',
          '他の操作と競合しました。画面を読み込み直してからお試しください。',
        );
      }
      if (incoming.scenario === 'validation') return validationFailed(FAULT_ERRORS[endpoint]);
      if (SENSITIVE.has(endpoint) && !backend.isAuthRecent(session)) {
        return problemResponse(
          403,
          'reauthentication-required',
          'Reauthentication required',
          'この操作の前に、もう一度本人確認をしてください。',
          {
            members: { maxAge: REAUTH_MAX_AGE_S },
          },
        );
      }

      const result = act({
        state: backend.state(session.accountId),
        session,
        incoming,
        body: body.value,
        param: (name) => String(params[name] ?? ''),
      });
      if (result instanceof Response) return result;
      backend.storeIdempotent(session.accountId, key, { fingerprint, data: result.data });
      const response = answerEnvelope(backend, incoming, session, requestId, endpoint, result.data, {
        extras: result.extras,
      });
      // Applied but unanswered for a long time; a retry with the same key is replayed at once.
      if (incoming.scenario === 'mutation-timeout') await sleep(MUTATION_TIMEOUT_MS);
      return response;
    });
}

export function mutationHandlers(backend: MockBackend, apiBase: string): HttpHandler[] {
  const mutation = mutationRoute(backend, apiBase);
  return [
    mutation('card-tokens', 'post', '/card-tokens', ({ state, body }) => {
      const checked = validateCard(body);
      if ('errors' in checked) return validationFailed(checked.errors);
      const { brand, last3 } = checked.card;
      return { data: { cardToken: backend.issueCardToken(state.accountId, checked.card), brand, last3 } };
    }),

    mutation('payment-method-card', 'post', '/payment-method/card', ({ state, body }) => {
      const token = body['cardToken'];
      if (typeof token !== 'string' || token === '')
        return validationFailed([{ field: 'cardToken', code: 'required' }]);
      const card = backend.redeemCardToken(state.accountId, token);
      if (typeof card === 'string') return validationFailed([{ field: 'cardToken', code: card }]);
      state.paymentMethod = { type: 'card', carrier: null, card };
      return { data: paymentMethodView(state) };
    }),

    mutation('device-delete', 'delete', '/devices/:deviceId', ({ state, param }) => {
      if (!removeWhere(state.devices, (d) => d.deviceId === param('deviceId'))) {
        return notFound('指定された端末は登録されていません。');
      }
      return { data: devicesView(state) };
    }),

    mutation('history-delete', 'delete', '/viewing-history/:entryId', ({ state, param }) => {
      const entryId = param('entryId');
      if (!removeWhere(state.history, (e) => e.entryId === entryId)) {
        return notFound('指定された視聴履歴はありません。');
      }
      return { data: { removed: entryId } };
    }),

    mutation('favorite-delete', 'delete', '/favorites/:titleId', ({ state, param }) => {
      if (!removeWhere(state.favorites, (f) => f.titleId === param('titleId'))) {
        return notFound('指定された作品はお気に入りにありません。');
      }
      return { data: favoritesView(state) };
    }),

    mutation('contract-cancel', 'post', '/contract/cancel', ({ state, body }) => {
      const reason = body['reason'] ?? null;
      if (reason !== null && typeof reason !== 'string') return validationFailed([{ field: 'reason', code: 'type' }]);
      if (typeof reason === 'string' && reason.length > 1000) {
        return validationFailed([{ field: 'reason', code: 'too_long' }]);
      }
      if (state.contract.status === 'suspended') {
        return problemResponse(409, 'contract-state', 'Contract suspended', '利用停止中の契約は解約できません。');
      }
      // Already scheduled: nothing to do, and the caller gets what it wanted.
      if (state.contract.status === 'active') {
        state.contract.status = 'cancel_scheduled';
        state.cancelReason = reason;
      }
      return { data: contractView(state) };
    }),

    mutation('logout-all', 'post', '/auth/logout-all', ({ state }) => {
      // Every session of the account ends, this one included.
      backend.revokeAllSessions(state.accountId);
      const cookie = clearedSessionCookie();
      backend.lastSetCookie = cookie;
      return { data: { signedOutDevices: state.devices.length }, extras: { cookies: [cookie] } };
    }),
  ];
}
