// Deterministic, realistic-looking sentence pairs for bench/quality.mjs:
// references built from clause templates (English, with German, French
// and Spanish segments), hypotheses derived from them with the edits an
// MT system makes (synonyms, dropped and inserted words, local reorder,
// punctuation changes). Same seed, same corpus, on every machine.
import { mulberry32 } from '../data/random.mjs';

const EN = {
  subject: ['The committee', 'Our team', 'The minister', 'A spokesperson for the company',
    'The new system', 'Most customers', 'The court', 'Researchers at the university',
    'The city council', 'Her brother', 'The airline', 'Local farmers', 'The report',
    'Two of the engineers', 'The central bank', 'Nobody in the room'],
  verb: ['announced', 'rejected', 'confirmed', 'approved', 'questioned', 'described',
    'postponed', 'welcomed', 'criticised', 'reviewed', 'published', 'expected'],
  object: ['the proposal', 'a plan to cut costs', 'the results of the survey',
    'new rules for data protection', 'the agreement', 'the decision', 'a second vote',
    'the budget for next year', 'an investigation into the accident',
    'the changes to the timetable', "the government's response", 'higher prices'],
  tail: ['on Tuesday', 'after a long debate', 'in a statement', 'last week',
    'without further comment', 'by a narrow margin', 'earlier this year',
    'according to officials', 'despite strong objections', 'at the end of March'],
  extra: ['Prices rose by 3.5% in 2023.', 'About 2,000 people attended.',
    'The meeting lasted four hours.', '"We are not surprised," she said.',
    'It was the third time since 2019.', 'Further details will follow.',
    'The vote is expected in May.', 'Some 40 percent disagreed.'],
};

const OTHER = [
  'Die Regierung hat den Vorschlag am Dienstag abgelehnt.',
  'Der Bericht wurde nach einer langen Debatte veröffentlicht.',
  'Die Preise sind im Jahr 2023 um 3,5 % gestiegen.',
  "Le comité a approuvé l'accord à une faible majorité.",
  'Les agriculteurs locaux ont critiqué la décision du conseil.',
  "« Nous ne sommes pas surpris », a-t-elle déclaré.",
  'El tribunal confirmó la decisión el martes pasado.',
  '¿Cuándo se publicarán los resultados de la encuesta?',
  'La reunión duró cuatro horas y terminó sin acuerdo.',
];

const SYNONYMS = {
  announced: 'declared', rejected: 'turned down', confirmed: 'verified',
  approved: 'accepted', questioned: 'doubted', described: 'presented',
  postponed: 'delayed', welcomed: 'praised', criticised: 'criticized',
  proposal: 'suggestion', plan: 'scheme', results: 'findings', rules: 'regulations',
  agreement: 'deal', decision: 'ruling', budget: 'spending plan', accident: 'crash',
  statement: 'press release', week: 'weekend', officials: 'authorities',
  abgelehnt: 'zurückgewiesen', Vorschlag: 'Antrag', approuvé: 'accepté',
  décision: 'résolution', confirmó: 'ratificó', reunión: 'sesión',
};

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

function reference(rand) {
  if (rand() < 0.25) return pick(rand, OTHER);
  let text = `${pick(rand, EN.subject)} ${pick(rand, EN.verb)} ${pick(rand, EN.object)}`;
  if (rand() < 0.7) text += ` ${pick(rand, EN.tail)}`;
  if (rand() < 0.4) {
    const subject = pick(rand, EN.subject).toLowerCase();
    text += `, and ${subject} ${pick(rand, EN.verb)} ${pick(rand, EN.object)}`;
  }
  text += rand() < 0.1 ? '?' : '.';
  if (rand() < 0.35) text += ` ${pick(rand, EN.extra)}`;
  return text;
}

function hypothesis(rand, ref) {
  const words = ref.split(' ');
  const out = [];
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i];
    const r = rand();
    const bare = w.replace(/[.,?!"«»]/g, '');
    if (r < 0.12 && SYNONYMS[bare]) out.push(w.replace(bare, SYNONYMS[bare]));
    else if (r < 0.17) continue;
    else if (r < 0.21 && i + 1 < words.length) { out.push(words[i + 1], w); i += 1; }
    else if (r < 0.24) out.push(w, pick(rand, ['also', 'then', 'still', 'the']));
    else out.push(w);
  }
  let text = out.join(' ');
  if (rand() < 0.1) text = text.replace(/[.?]$/, '');
  if (rand() < 0.05) text = text.replace(',', '');
  return text;
}

/** `count` pairs: { hypotheses, references } from a fixed seed. */
export function sentencePairs(count, seed = 20240611) {
  const rand = mulberry32(seed);
  const references = [];
  const hypotheses = [];
  for (let i = 0; i < count; i += 1) {
    const ref = reference(rand);
    references.push(ref);
    hypotheses.push(hypothesis(rand, ref));
  }
  return { hypotheses, references };
}
