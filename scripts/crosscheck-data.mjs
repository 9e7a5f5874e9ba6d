// Text for scripts/crosscheck-reference.mjs: references written for this
// cross-check in German, French, Spanish, Chinese and Japanese, the
// hypotheses an MT or ASR system would make of them (derived with a
// seeded generator, so every run and machine sees the same corpus), and
// hand-written edge cases for whitespace, code points and casing.
import { mulberry32 } from '../data/random.mjs';

export { mulberry32 };

const DE = [
  'Die Regierung hat den Vorschlag am Dienstag abgelehnt.',
  'Der Zug nach München fährt heute um 14:35 Uhr von Gleis 7 ab.',
  'Wir haben 1.250,75 € für die Reparatur bezahlt – viel zu viel!',
  'Könnten Sie bitte das Fenster schließen? Es zieht.',
  'Die Straße war nach dem Unwetter drei Tage lang gesperrt.',
  'Laut Statistik stiegen die Preise im Jahr 2023 um 5,9 %.',
  '„Das ist nicht mein Problem“, sagte der Hausmeister.',
  'Ich würde gern einen Tisch für vier Personen reservieren.',
  'Über 20 000 Menschen demonstrierten am Samstag in Berlin.',
  'Die Ärztin empfahl ihm, weniger Kaffee zu trinken.',
  'Das Museum ist montags geschlossen, dienstags bis 20 Uhr geöffnet.',
  'Mehr Informationen finden Sie unter https://www.example.de/hilfe.',
  'Der Bundestag debattierte stundenlang über das neue Heizungsgesetz.',
  'Meine Großmutter backt jeden Sonntag einen Apfelkuchen.',
  'Bitte füllen Sie das Formular vollständig aus (Seite 1–3).',
  'Der Flug LH 456 hat voraussichtlich 45 Minuten Verspätung.',
  'Trotz des Regens kamen überraschend viele Zuschauer ins Stadion.',
  'Die Firma stellt 12 neue Mitarbeiterinnen und Mitarbeiter ein.',
  'Wie spät ist es eigentlich? Ich habe mein Handy vergessen.',
  'Das Ergebnis: 3:1 für die Gastmannschaft nach Verlängerung.',
  'Im Winter sinken die Temperaturen oft unter −10 °C.',
  'Er hat sein Studium in Heidelberg mit Auszeichnung abgeschlossen.',
  'Die Mieten in Hamburg sind seit 2015 um fast 40 % gestiegen.',
  'Kannst du mir sagen, wo die nächste Apotheke ist?',
  'Der Bericht umfasst 312 Seiten und 48 Tabellen.',
  'Nach langem Hin und Her einigten sich beide Seiten auf einen Kompromiss.',
  'STRASSENBAHN FÄHRT NICHT: Ersatzverkehr mit Bussen eingerichtet.',
  'Die Übersetzung ist gut, aber an einigen Stellen zu wörtlich.',
  'Wir sehen uns morgen früh um acht am Haupteingang.',
  'Das Paket wurde am 03.04.2024 zugestellt.',
];

const FR = [
  "Le comité a approuvé l'accord à une faible majorité.",
  'Les agriculteurs locaux ont critiqué la décision du conseil.',
  '« Nous ne sommes pas surpris », a-t-elle déclaré.',
  "Le train pour Lyon partira avec un retard d'environ 20 minutes.",
  "J'ai payé 1 234,56 € pour ce vélo électrique ; c'est cher !",
  'Pourriez-vous me dire où se trouve la gare, s’il vous plaît ?',
  'La réunion a duré quatre heures et s’est terminée sans accord.',
  "Il fait très froid aujourd'hui : −5 °C ce matin à Strasbourg.",
  'Les prix ont augmenté de 4,9 % en un an, selon l’Insee.',
  'Nous avons visité le château de Versailles pendant les vacances.',
  "L'équipe de France a gagné 2-0 contre l'Espagne hier soir.",
  'Elle travaille comme infirmière dans un hôpital de Marseille.',
  'Plus d’informations sur https://www.exemple.fr/aide?lang=fr.',
  "Le musée d'Orsay est fermé le lundi.",
  'Quel temps fera-t-il demain ? Il va sûrement pleuvoir.',
  'Les élèves doivent rendre leurs devoirs avant vendredi.',
  "Cette décision aura des conséquences sur l'économie régionale.",
  'Le gouvernement prévoit de réduire les impôts de 2 milliards.',
  "Mon frère habite à Montréal depuis plus de dix ans.",
  'Veuillez confirmer votre réservation avant le 15/06/2024.',
  "L'ÉTÉ DERNIER, NOUS SOMMES ALLÉS EN BRETAGNE.",
  'Le médecin lui a conseillé de faire plus de sport.',
  'Environ 15 000 personnes ont manifesté samedi à Paris.',
  "C'est la troisième fois depuis 2019 que cela arrive.",
  "Le rapport compte 250 pages et d'innombrables annexes.",
  'Je voudrais un café crème et deux croissants, merci.',
  "Où est-ce que j'ai mis mes clés ?!",
  'Le vol AF 1234 a été annulé en raison de la grève.',
  'Les négociations reprendront la semaine prochaine à Bruxelles.',
  'Ça ne coûte que 9,99 € — une vraie affaire.',
];

const ES = [
  'El tribunal confirmó la decisión el martes pasado.',
  '¿Cuándo se publicarán los resultados de la encuesta?',
  'La reunión duró cuatro horas y terminó sin acuerdo.',
  '¡Qué sorpresa verte aquí, después de tantos años!',
  'El tren a Sevilla sale a las 9:15 desde el andén 3.',
  'Pagamos 1.250,50 € por el alquiler del mes de julio.',
  'Los precios subieron un 3,5 % en el último trimestre.',
  'Mi abuela prepara paella todos los domingos.',
  'Más información en https://www.ejemplo.es/ayuda.',
  'El niño pequeño no quería comer las espinacas.',
  'Según el informe, el desempleo bajó al 11,8 %.',
  '¿Podría decirme dónde está la estación de autobuses?',
  'La empresa contratará a 200 trabajadores este año.',
  'Ayer llovió muchísimo en Madrid y hubo atascos.',
  'El Real Madrid ganó 3-1 al Barcelona en el clásico.',
  'Necesito una habitación doble para tres noches, por favor.',
  'El museo del Prado abre a las diez de la mañana.',
  'Los agricultores protestaron contra la nueva ley del agua.',
  'ESTÁ PROHIBIDO FUMAR EN TODO EL RECINTO.',
  'La película, estrenada en 2022, ganó varios premios.',
  'Señor Muñoz, su pedido llegará el 05/11/2024.',
  'El Congreso aprobó la reforma por una estrecha mayoría.',
  'Unos 30.000 aficionados llenaron el estadio anoche.',
  '—No lo sé —respondió ella con una sonrisa.',
  'El vuelo IB 3166 tiene un retraso de 40 minutos.',
  'Hace mucho calor: hoy llegamos a 41 °C en Córdoba.',
  'La biblioteca cierra a las ocho los fines de semana.',
  '¿Has visto mis gafas? Las dejé encima de la mesa.',
  'El informe tiene 180 páginas y muchas tablas.',
  'Los vecinos se quejaron del ruido de la obra.',
];

const ZH = [
  '我喜欢北京的秋天，天气很好。',
  '价格是3.5元，比昨天便宜了。',
  '政府周二否决了这项提议。',
  '请问火车站怎么走？',
  '他在2023年获得了博士学位。',
  '今天的会议持续了四个小时，但没有达成协议。',
  '我用iPhone 15 Pro拍了很多照片。',
  '这家公司今年将招聘200名员工。',
  '根据报告，失业率下降到了5.2%。',
  '明天可能会下雨，记得带伞。',
  '她每天早上七点起床，然后去跑步。',
  '这本书一共有312页。',
  '我们在上海住了三个晚上。',
  '“我们并不感到意外，”她说。',
  '更多信息请访问https://www.example.cn/help。',
  '这部电影在2022年上映，获得了好几个奖项。',
  '医生建议他少喝咖啡，多运动。',
  '航班CA1234因天气原因延误了45分钟。',
  '大约两万人参加了周六的活动。',
  '这个价格是¥7,999，太贵了！',
  '你吃饭了吗？我们一起去吧。',
  '图书馆周末晚上八点关门。',
  '他说：“这不是我的问题。”',
  '北京到上海的高铁大约需要4个半小时。',
  '小明的奶奶每个星期天都做饺子。',
  '这次考试他得了98分，非常高兴。',
  '由于罢工，许多航班被取消了。',
  '请在6月15日之前确认您的预订。',
  '这道菜太辣了，我吃不了。',
  '深圳是一个年轻而充满活力的城市。',
];

const JA = [
  '東京へ行きます。',
  '明日は雨が降るかもしれません。',
  '会議は4時間続きましたが、合意には至りませんでした。',
  'この本は全部で312ページあります。',
  '駅までの道を教えていただけますか？',
  '東京でiPadを買いました（128GB）。',
  '彼は2023年に博士号を取得しました。',
  '「驚いていません」と彼女は言いました。',
  '価格は3,980円で、昨日より安くなりました。',
  '毎朝7時に起きて、ジョギングをしています。',
  '詳しくはhttps://www.example.jp/helpをご覧ください。',
  '大阪から東京まで新幹線で約2時間半かかります。',
  '祖母は毎週日曜日にカレーを作ります。',
  'この映画は2022年に公開され、いくつかの賞を受賞しました。',
  '医者は彼にコーヒーを控えるように勧めました。',
  'JAL123便は天候のため45分遅れています。',
  '約2万人が土曜日のイベントに参加しました。',
  'ストライキのため、多くの便が欠航しました。',
  '6月15日までにご予約を確認してください。',
  'この料理は辛すぎて食べられません。',
  '図書館は週末は午後8時に閉まります。',
  'ご飯を食べましたか？一緒に行きましょう。',
  '京都の紅葉はとても美しいです。',
  '試験で98点を取って、彼はとても喜んでいました。',
  'コンビニでおにぎりとお茶を買いました。',
  '来週の月曜日から新しいプロジェクトが始まります。',
  'スマートフォンのバッテリーがすぐになくなります。',
  '富士山に登ったことがありますか。',
  '部屋の温度は２５度に設定してください。',
  'ＡＢＣ株式会社は新製品を発表しました。',
];

const POOLS = {
  de: 'der die das und nicht auch sehr gestern heute wieder schon noch'.split(' '),
  fr: 'le la les et ne pas aussi très hier encore déjà bien'.split(' '),
  es: 'el la los y no también muy ayer hoy todavía ya bien'.split(' '),
  zh: Array.from('的了是在我有他这中大来上国个到说们为子和你地出道也时'),
  ja: Array.from('のにはをたがでてとしれさあるいうかもなよ日本語東京'),
};

const SPACED = { de: DE, fr: FR, es: ES };
const UNSPACED = { zh: ZH, ja: JA };

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

/** One MT-like edit on a list of tokens (words, or characters for CJK). */
function edit(rand, tokens, pool) {
  const out = tokens.slice();
  const at = Math.floor(rand() * out.length);
  const r = rand();
  if (r < 0.25) out.splice(at, 1);
  else if (r < 0.45) out.splice(at, 0, pick(rand, pool));
  else if (r < 0.65) out[at] = pick(rand, pool);
  else if (r < 0.8 && at + 1 < out.length) {
    [out[at], out[at + 1]] = [out[at + 1], out[at]];
  } else if (r < 0.9) out[at] = (out[at] ?? '').toLowerCase();
  else out[at] = (out[at] ?? '').toUpperCase();
  return out;
}

function derive(rand, text, lang) {
  const spaced = lang in SPACED;
  let tokens = spaced ? text.split(' ') : Array.from(text);
  const edits = Math.floor(rand() * 4);
  for (let k = 0; k < edits; k += 1) tokens = edit(rand, tokens, POOLS[lang]);
  let out = tokens.join(spaced ? ' ' : '');
  // Tokenisation noise MT output shows: detached or missing punctuation.
  if (rand() < 0.15) out = out.replace(/([.!?。？！])$/u, ' $1');
  if (rand() < 0.1) out = out.replace(/[.。]$/u, '');
  return out;
}

/**
 * The multilingual corpus: each reference with two derived hypotheses
 * (an easy and a harder one) and a second reference stream that is
 * missing (null) for some segments.
 */
export function multilingualPairs(seed = 20240611) {
  const rand = mulberry32(seed);
  const pairs = [];
  for (const [lang, refs] of Object.entries({ ...SPACED, ...UNSPACED })) {
    for (const ref of refs) {
      for (let v = 0; v < 2; v += 1) {
        const hyp = derive(rand, ref, lang);
        const alt = rand() < 0.3 ? null : derive(rand, ref, lang);
        pairs.push({ lang, hyp, ref, alt });
      }
    }
  }
  return pairs;
}

/** Hand-written pairs where Python and JavaScript text handling differ. */
export const EDGE_PAIRS = [
  ['Wait!!! What?!... (really) --- yes;; ok..', 'Wait! What?! (really) - yes; ok.'],
  ['1,234,567.89 and 1.234.567,89 or 12 345,6', '1,234,567.89 and 1.234.567,89 or 12345,6'],
  ['see https://example.com/a-b_c?x=1&y=2#frag, or www.test.de/über.',
    'see https://example.com/a-b_c?x=1&y=2#frag or www.test.de/über .'],
  ['I ❤️ 🍕 and 👨‍👩‍👧 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠀀𠀁 text 😀!', 'I ❤ 🍕 and 👨‍👩‍👧 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠀀 text 😀 !'],
  ['Cafe\u0301 na\u0303o a\u0308rger', 'Café não ärger'],
  ['Prix\u00a0: 5\u202f€\u2009ok\u3000全角\u2028ligne\u0085x\u1680y',
    'Prix : 5 € ok 全角 ligne x y'],
  ['zero\u200bwidth\ufeffbom and\u001cfile\u001dsep', 'zero width bom and file sep'],
  ['a\tb\t\tc  d \t e', 'a b c d e'],
  ['我用iPhone 15 Pro拍了照片，价格是¥7,999。', '我用 iPhone15Pro 拍了照片,价格是¥7999.'],
  ['東京でiPadを買いました（128GB）。', '東京で iPad を買った(128 GB)。'],
  ['ΟΔΟΣ ΟΔΟΣ. ΣΟΦΟΣ ΑΣ Σ ΌΣΟΣ', 'οδος οδοσ. σοφος ας σ όσος'],
  ['İSTANBUL STRASSE Straße ẞ ǅ', 'istanbul strasse straße ß ǆ'],
  ['', 'a non-empty reference'],
  ['a non-empty hypothesis', ''],
  ['', ''],
  ['   ', ' \t '],
  ['x', 'x'],
  ['Ça coûte 3,50 € ; c’est « cher » !', "Ca coute 3,50 EUR; c'est \"cher\"!"],
  ['¿Dónde está el baño?¡Ahí!', '¿ Dónde está el baño ? ¡ Ahí !'],
  ['Die Ärzte – nicht „die Ärzte“ – spielten…', 'Die Aerzte - nicht "die Aerzte" - spielten...'],
  ['３．５％の上昇、ＡＢＣ社', '3.5%の上昇、ABC社'],
  ['한국어 텍스트도 있습니다.', '한국어 텍스트가 있습니다.'],
  ['Ｆｕｌｌｗｉｄｔｈ　ｔｅｘｔ', 'Fullwidth text'],
  ['e.g. U.S.A. vs. Mr. Smith\'s', 'e.g. USA vs Mr Smith s'],
  ['a-b-c--d---e', 'a - b - c -- d --- e'],
  ['$5.00 + 10% = 5.50 (approx.)', '$ 5.00 + 10 % = 5.50 ( approx . )'],
  ['<tag attr="x">&amp;</tag>', '< tag attr = " x " > & amp ; < / tag >'],
];
