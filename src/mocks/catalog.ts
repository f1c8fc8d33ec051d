/**
 * Invented titles. Each demo account has its own pool with no overlap, so
 * a title seen on screen tells which account's data leaked.
 */
import type { SeriesSpec } from './generate.js';

export const TARO_TITLES: readonly SeriesSpec[] = [
  { titleId: 'ttl_10231', title: '星降る港の探偵', episodes: 12 },
  { titleId: 'ttl_10232', title: '鋼鉄のカナリア', episodes: 24 },
  { titleId: 'ttl_10233', title: '夜明け前のパン屋さん', episodes: 10 },
  { titleId: 'ttl_10234', title: '宇宙港整備士ミナト', episodes: 13 },
  { titleId: 'ttl_10235', title: '雨宿りの交差点', episodes: 1 },
  { titleId: 'ttl_10236', title: '忍びの料理番', episodes: 26 },
  { titleId: 'ttl_10237', title: '東京サイレント・シグナル', episodes: 11 },
  { titleId: 'ttl_10238', title: '竜骨の海', episodes: 1 },
  { titleId: 'ttl_10239', title: '放課後ロボット研究会', episodes: 12 },
  { titleId: 'ttl_10240', title: '狐火ゲームセンター', episodes: 8 },
  { titleId: 'ttl_10241', title: '湯けむり刑事の休日', episodes: 9 },
  { titleId: 'ttl_10242', title: '真夜中の図書館司書', episodes: 10 },
  { titleId: 'ttl_10243', title: '風見鶏と七つの嘘', episodes: 7 },
  { titleId: 'ttl_10244', title: '氷河期からの手紙', episodes: 1 },
  { titleId: 'ttl_10245', title: '路地裏ラジオ局', episodes: 12 },
];

export const HANAKO_TITLES: readonly SeriesSpec[] = [
  { titleId: 'ttl_20511', title: '花屋敷の家政婦ミチル', episodes: 10 },
  { titleId: 'ttl_20512', title: '月影レストランの秘密', episodes: 11 },
  { titleId: 'ttl_20513', title: '潮騒のバイオリン', episodes: 1 },
  { titleId: 'ttl_20514', title: '恋する税理士事務所', episodes: 10 },
  { titleId: 'ttl_20515', title: '白銀のペンギン飛行隊', episodes: 24 },
  { titleId: 'ttl_20516', title: '京都古書店めぐり帖', episodes: 6 },
  { titleId: 'ttl_20517', title: '魔法少女は定時で帰る', episodes: 12 },
  { titleId: 'ttl_20518', title: '紅茶とミステリーの午後', episodes: 8 },
  { titleId: 'ttl_20519', title: '灯台守の娘', episodes: 1 },
  { titleId: 'ttl_20520', title: '青空カフェ・ルンバ', episodes: 13 },
  { titleId: 'ttl_20521', title: 'さくら通り商店街物語', episodes: 20 },
  { titleId: 'ttl_20522', title: '深海都市アトランティカ', episodes: 12 },
  { titleId: 'ttl_20523', title: 'ひだまり保育園日誌', episodes: 10 },
  { titleId: 'ttl_20524', title: '秋桜の約束', episodes: 1 },
];

const HEAVY_HEADS = ['蒼き', '黄昏の', '無限', '真紅の', '幻影', '最果ての', '百鬼', '電脳', '春風', '雷鳴の'];
const HEAVY_TAILS = ['剣士', '航路', '旋律', '迷宮', '花嫁', '探偵団', '方程式', '王国', '遊撃隊', '農園'];

/** 100 combinatorial titles for the heavy account, none shared with the pools above. */
export const HEAVY_TITLES: readonly SeriesSpec[] = HEAVY_HEADS.flatMap((head, i) =>
  HEAVY_TAILS.map((tail, j) => ({
    titleId: `ttl_3${String(i * 10 + j).padStart(4, '0')}`,
    title: `${head}${tail}`,
    episodes: (i + j) % 4 === 0 ? 1 : 6 + ((i * 7 + j * 3) % 20),
  })),
);
