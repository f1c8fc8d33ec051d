/**
 * Japanese, the default language: the app shell's part (app bar, menu,
 * identity stop, load errors). The screens' part is messages-ja-screens.ts.
 * The shape of both together is the type every other language must fill.
 */
import type { jaScreens } from './messages-ja-screens.js';

export const ja = {
  app: {
    title: 'マイページ',
    loading: '読み込み中…',
    startFailed: 'サーバーに接続できませんでした。通信状況を確認して、もう一度お試しください。',
    startFailedHeading: 'マイページを表示できませんでした',
    retry: 'もう一度試す',
    switchLanguage: 'English',
    switchLanguageLabel: 'Switch to English',
    logout: 'ログアウト',
    back: '戻る',
    loggedInAs: (loginId: string) => `${loginId} でログイン中`,
    framed: 'このページは他のサイトの中には表示できません。マイページを直接開いてください。',
  },
  identityStop: {
    heading: '安全のため、表示を停止しました',
    mismatch:
      'お客様以外のアカウントの情報が届いた可能性があります。お客様の情報を守るため、画面の表示とすべての操作を停止し、ログアウトしました。',
    accountChanged:
      'このブラウザで別のアカウントにログインされたため、画面の表示とすべての操作を停止し、ログアウトしました。',
    loginMismatch:
      'ログインの応答がお客様のログインと一致しませんでした。お客様の情報を守るため、ログインを中止しました。',
    reported: 'この事象は自動的に報告されました。',
    action: 'もう一度ログインする',
  },
  lock: {
    idleHeading: 'プライバシー保護のためロックしました',
    idle: 'しばらく操作がなかったため、お客様の情報を画面から消しました。',
    otherTabHeading: '別のタブでログイン状態が変わりました',
    otherTabLogin: '別のタブでログインされたため、お客様の情報を画面から消しました。',
    otherTabLogout: '別のタブでログアウトされたため、お客様の情報を画面から消しました。',
    otherTabStop: '別のタブで安全のため表示が停止されたため、お客様の情報を画面から消しました。',
    idleAction: 'OK',
    checkAgain: 'もう一度確認する',
  },
  menu: {
    heading: 'メニュー',
    contract: '契約内容',
    contractHint: 'プラン・月額料金・次回請求日',
    devices: '登録デバイス',
    devicesHint: 'ご利用中の機器',
    payments: 'お支払い履歴',
    paymentsHint: 'これまでのご請求',
    paymentMethod: 'お支払い方法',
    paymentMethodHint: 'クレジットカード・キャリア決済',
    history: '視聴履歴',
    historyHint: '最近見た作品',
    downloads: 'ダウンロード',
    downloadsHint: '端末に保存した作品',
    favorites: 'お気に入り',
    favoritesHint: '保存した作品',
    membership: '会員手続き',
    membershipHint: '解約・全デバイスからのログアウト',
  },
  errors: {
    network: '通信できませんでした。通信状況を確認して、もう一度お試しください。',
    timeout: '応答がありませんでした。しばらくしてからもう一度お試しください。',
    server: 'ただいま混み合っています。しばらくしてからもう一度お試しください。',
    retryAfter: (seconds: number) => `ただいま混み合っています。${seconds}秒ほど待ってから、もう一度お試しください。`,
    invalidResponse: 'サーバーから正しくない応答が届いたため、表示できませんでした。',
    generic: 'エラーが発生しました。もう一度お試しください。',
    retry: 'もう一度試す',
  },
};

export type ShellMessages = typeof ja;
/** Every language fills the same keys; functions keep their parameters. */
export type Messages = ShellMessages & typeof jaScreens;
