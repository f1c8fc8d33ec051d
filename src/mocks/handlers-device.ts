/**
 * Section 5 of the contract: a TV signed in (or re-authenticated) from a
 * phone, and re-authentication with a password. The TV's endpoints answer
 * the session shape, like login; the phone's are mutations behind the same
 * gate as section 3.
 */
import { http, type HttpHandler } from 'msw';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, partnerOf } from './demo-accounts.js';
import {
  badRequest,
  isRecord,
  jsonResponse,
  problemResponse,
  unauthenticated,
  validationFailed,
  type ResponseExtras,
} from './http-kit.js';
import { mutationRoute, type ActContext, type ActResult } from './handlers-mutations.js';
import type { DeviceRequest, MockBackend } from './mock-backend.js';
import { receive } from './pipeline.js';
import {
  clearedSessionCookie,
  csrfTokenFor,
  parseToken,
  randomHex,
  sessionCookie,
  type ParsedToken,
} from './session-token.js';
import { toJstDateTime } from './generate.js';
import type { FieldError } from './types.js';

export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

/** 8 letters, uniformly drawn (bytes of 240 and above are redrawn, so no letter is favoured). */
export function newUserCode(): string {
  let code = '';
  const byte = new Uint8Array(1);
  while (code.length < 8) {
    crypto.getRandomValues(byte);
    const value = byte[0] ?? 255;
    if (value < 240) code += USER_CODE_ALPHABET[value % USER_CODE_ALPHABET.length];
  }
  return code;
}

export const formatUserCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/** What a person typed, as the server compares it: case, spaces and dashes do not count. */
export const normalizeUserCode = (typed: string): string => typed.replace(/[\s-]/g, '').toUpperCase();

/** "iPhone (Safari)": enough for the TV to say where it was approved, nothing more of the UA. */
export function deviceLabel(userAgent: string): string {
  const device =
    [/iPhone/, /iPad/, /Android/, /Windows/, /Macintosh/, /CrOS/, /Linux/]
      .map((pattern) => pattern.exec(userAgent)?.[0])
      .find(Boolean) ?? 'ブラウザ';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const name = device === 'Macintosh' ? 'Mac' : device === 'CrOS' ? 'Chromebook' : device;
  return browser ? `${name} (${browser})` : name;
}

const problem = (status: number, slug: string, title: string, detail: string, extras?: ResponseExtras): Response =>
  problemResponse(status, slug, title, detail, extras);

const tokenProblem = (
  slug: 'authorization-pending' | 'slow-down' | 'access-denied' | 'expired-token' | 'invalid-grant',
): Response =>
  problem(
    400,
    slug,
    'Device authorization',
    {
      'authorization-pending': 'スマートフォンでの承認を待っています。',
      'slow-down': '問い合わせの間隔が短すぎます。間隔を 5 秒延ばしてください。',
      'access-denied': 'スマートフォンで拒否されました。',
      'expired-token': 'コードの有効期限が切れました。新しいコードを表示してください。',
      'invalid-grant': 'このコードの問い合わせではありません。',
    }[slug],
  );

const accountMismatch = (): Response =>
  problem(409, 'account-mismatch', 'Account mismatch', '操作対象のアカウントがログイン中のアカウントと一致しません。');

const unknownCode = (): Response =>
  problem(404, 'unknown-code', 'Unknown code', 'このコードは見つからないか、有効期限が切れています。');

function requiredStrings(body: Record<string, unknown>, fields: string[]): FieldError[] {
  return fields
    .filter((field) => typeof body[field] !== 'string' || (body[field] as string).trim() === '')
    .map((field) => ({ field, code: 'required' }));
}

/** Approval is what the approver may do; the same rules for the QA helper and the phone. */
export function approveDevice(
  request: DeviceRequest,
  approverAccountId: string,
  approvedOn: string,
  allowOtherAccount = false,
): 'approved' | 'account-mismatch' {
  if (request.purpose === 'step-up' && request.expectedAccountId !== approverAccountId && !allowOtherAccount) {
    return 'account-mismatch';
  }
  request.status = 'approved';
  request.approval = { accountId: approverAccountId, approvedOn };
  return 'approved';
}

export function deviceHandlers(backend: MockBackend, apiBase: string): HttpHandler[] {
  const setCookie = (cookie: string): { cookies: string[]; headers: Record<string, string> } => {
    backend.lastSetCookie = cookie;
    return { cookies: [cookie], headers: backend.dateHeader() };
  };
  const issue = (accountId: string): ParsedToken => {
    const session = parseToken(backend.issueSession(accountId));
    if (!session) throw new Error('issued an unparsable session token');
    return session;
  };
  const mutation = mutationRoute(backend, apiBase);

  /** The phone's three requests share: a well-formed code, the wrong-code limit, a live request. */
  const phone =
    (act: (request: DeviceRequest, context: ActContext) => ActResult) =>
    (context: ActContext): ActResult => {
      const typed = context.body['userCode'];
      if (typeof typed !== 'string' || typed.trim() === '')
        return validationFailed([{ field: 'userCode', code: 'required' }]);
      const retryAfter = backend.wrongCodeRetryAfter(context.session.token);
      if (retryAfter > 0) {
        return problem(
          429,
          'too-many-codes',
          'Too many attempts',
          '間違ったコードが続きました。しばらくしてからお試しください。',
          {
            headers: { 'Retry-After': String(retryAfter) },
          },
        );
      }
      const request = backend.findDeviceByUserCode(normalizeUserCode(typed));
      if (!request || context.incoming.scenario === 'device-expired') {
        backend.countWrongCode(context.session.token);
        return unknownCode();
      }
      return act(request, context);
    };

  return [
    http.post(`${apiBase}/auth/device/start`, async ({ request, cookies }) => {
      const incoming = await receive(backend, 'device-start', request, cookies);
      if (incoming instanceof Response) return incoming;
      const { body, session } = incoming;
      if (body.kind !== 'json' || !isRecord(body.value))
        return badRequest('invalid-json', 'リクエストの形式が正しくありません。');
      const value = body.value;
      const errors = requiredStrings(value, ['nonce', 'deviceName']);
      if (value['purpose'] !== 'sign-in' && value['purpose'] !== 'step-up')
        errors.push({ field: 'purpose', code: 'invalid' });
      if (errors.length > 0) return validationFailed(errors);
      const purpose = value['purpose'] as DeviceRequest['purpose'];
      if (purpose === 'step-up') {
        // A step-up renews the TV's own session, so it asks with everything a mutation carries but the key.
        if (!session) return unauthenticated();
        if (request.headers.get('x-csrf-token') !== csrfTokenFor(session.token)) {
          return problem(403, 'csrf', 'Forbidden', 'CSRF トークンが正しくありません。');
        }
        if (value['expectedAccountId'] !== session.accountId) return accountMismatch();
      }
      const now = backend.now();
      const { expiresIn, interval } = backend.deviceTiming;
      let userCode = newUserCode();
      while (backend.findDeviceByUserCode(userCode)) userCode = newUserCode();
      const deviceRequest: DeviceRequest = {
        deviceCode: `dc_${randomHex(20)}`,
        userCode,
        deviceName: (value['deviceName'] as string).trim().slice(0, 100),
        purpose,
        nonce: value['nonce'] as string,
        requestedAt: now,
        expiresAt: now + expiresIn * 1000,
        interval,
        lastPollAt: null,
        status: 'pending',
        expectedAccountId: purpose === 'step-up' ? (session?.accountId ?? null) : null,
        tvToken: purpose === 'step-up' ? (session?.token ?? null) : null,
        approval: null,
      };
      backend.addDeviceRequest(deviceRequest);
      const activate = `${incoming.url.origin}/#/activate`;
      return jsonResponse({
        deviceCode: deviceRequest.deviceCode,
        userCode: formatUserCode(userCode),
        verificationUri: activate,
        verificationUriComplete: `${activate}?code=${userCode}`,
        expiresIn,
        interval,
        nonce: deviceRequest.nonce,
      });
    }),

    http.post(`${apiBase}/auth/device/token`, async ({ request, cookies }) => {
      const incoming = await receive(backend, 'device-token', request, cookies);
      if (incoming instanceof Response) return incoming;
      const { body, scenario } = incoming;
      if (body.kind !== 'json' || !isRecord(body.value))
        return badRequest('invalid-json', 'リクエストの形式が正しくありません。');
      const errors = requiredStrings(body.value, ['deviceCode', 'nonce']);
      if (errors.length > 0) return validationFailed(errors);
      const found = backend.findDeviceByCode(body.value['deviceCode'] as string);
      // An unknown code is most likely one the server has forgotten: the TV's way on is a new code.
      if (!found || found.status === 'used' || backend.now() >= found.expiresAt || scenario === 'device-expired') {
        return tokenProblem('expired-token');
      }
      if (found.nonce !== body.value['nonce']) return tokenProblem('invalid-grant');
      const now = backend.now();
      const early = found.lastPollAt !== null && now - found.lastPollAt < found.interval * 1000;
      found.lastPollAt = now;
      if (early || scenario === 'device-slow-down') {
        found.interval += 5;
        return tokenProblem('slow-down');
      }
      if (found.status === 'denied' || scenario === 'device-denied') return tokenProblem('access-denied');

      if (scenario === 'device-crossed') {
        // Another TV's approval: its account, its nonce, its code.
        const other = issue(
          partnerOf(found.approval?.accountId ?? found.expectedAccountId ?? DEMO_ACCOUNTS[0]?.accountId ?? ''),
        );
        return jsonResponse(
          {
            ...backend.sessionAnswer(other, randomHex(16)),
            approval: { userCode: formatUserCode(newUserCode()), approvedOn: 'Android (Chrome)' },
          },
          200,
          setCookie(sessionCookie(other.token)),
        );
      }
      if (found.status !== 'approved' || !found.approval) return tokenProblem('authorization-pending');

      let accountId = found.approval.accountId;
      if (scenario === 'stepup-other-account' && found.purpose === 'step-up' && accountId === found.expectedAccountId) {
        accountId = partnerOf(accountId);
      }
      found.status = 'used';
      // The renewal replaces the TV's old session: a stolen copy of it stays stale.
      if (found.tvToken) backend.revokeSession(found.tvToken);
      const session = issue(accountId);
      return jsonResponse(
        {
          ...backend.sessionAnswer(session, found.nonce),
          approval: { userCode: formatUserCode(found.userCode), approvedOn: found.approval.approvedOn },
        },
        200,
        setCookie(sessionCookie(session.token)),
      );
    }),

    mutation(
      'device-lookup',
      'post',
      '/auth/device/lookup',
      phone((request, { session }) => {
        if (request.purpose === 'step-up' && request.expectedAccountId !== session.accountId) return accountMismatch();
        return {
          data: {
            userCode: formatUserCode(request.userCode),
            deviceName: request.deviceName,
            purpose: request.purpose,
            requestedAt: toJstDateTime(request.requestedAt),
            expiresAt: toJstDateTime(request.expiresAt),
          },
        };
      }),
    ),

    mutation(
      'device-approve',
      'post',
      '/auth/device/approve',
      phone((request, { session, incoming }) => {
        // The in-page worker sees no User-Agent header, but the page is the phone's own browser.
        const userAgent =
          incoming.request.headers.get('user-agent') ?? (typeof navigator === 'undefined' ? '' : navigator.userAgent);
        const approvedOn = deviceLabel(userAgent);
        const outcome = approveDevice(
          request,
          session.accountId,
          approvedOn,
          incoming.scenario === 'stepup-other-account',
        );
        if (outcome === 'account-mismatch') return accountMismatch();
        return { data: { userCode: formatUserCode(request.userCode), deviceName: request.deviceName, approved: true } };
      }),
    ),

    mutation(
      'device-deny',
      'post',
      '/auth/device/deny',
      phone((request, { session }) => {
        // Another account may not cancel someone's step-up either.
        if (request.purpose === 'step-up' && request.expectedAccountId !== session.accountId) return accountMismatch();
        request.status = 'denied';
        return { data: { userCode: formatUserCode(request.userCode), approved: false } };
      }),
    ),

    http.post(`${apiBase}/auth/reauth`, async ({ request, cookies }) => {
      const incoming = await receive(backend, 'reauth', request, cookies);
      if (incoming instanceof Response) return incoming;
      const { body, session } = incoming;
      if (!session) return unauthenticated();
      if (request.headers.get('x-csrf-token') !== csrfTokenFor(session.token)) {
        return problem(403, 'csrf', 'Forbidden', 'CSRF トークンが正しくありません。');
      }
      if (body.kind !== 'json' || !isRecord(body.value))
        return badRequest('invalid-json', 'リクエストの形式が正しくありません。');
      const errors = requiredStrings(body.value, ['password', 'nonce']);
      if (errors.length > 0) return validationFailed(errors);
      if (body.value['expectedAccountId'] !== session.accountId) return accountMismatch();
      if (body.value['password'] !== DEMO_PASSWORD) {
        if (backend.countWrongPassword(session.token)) {
          backend.revokeSession(session.token);
          return unauthenticated(setCookie(clearedSessionCookie()));
        }
        return problem(422, 'invalid-credentials', 'Wrong password', 'パスワードが正しくありません。');
      }
      const accountId = incoming.scenario === 'reauth-swap' ? partnerOf(session.accountId) : session.accountId;
      backend.revokeSession(session.token);
      const renewed = issue(accountId);
      return jsonResponse(
        backend.sessionAnswer(renewed, body.value['nonce'] as string),
        200,
        setCookie(sessionCookie(renewed.token)),
      );
    }),
  ];
}
