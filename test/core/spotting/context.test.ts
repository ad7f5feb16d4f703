import { describe, expect, it } from 'vitest';
import { contextFeatures } from '../../../shared/spotting/context';
import { detectDocumentKind } from '../../../shared/spotting/document-kind';
import { extractFeatures } from '../../../shared/spotting/features';
import { defaultSpotter } from '../../../shared/spotting/index';
import { sigmoid, vectorize } from '../../../shared/spotting/model';
import { analyzeText, spotDocument } from '../../../shared/text/candidates';
import { WAR_REPORT } from '../attribution/article';

const ARTICLE = [
  'City council approves new budget',
  '',
  'Tuesday, March 4, 2025',
  '',
  'Budget chief Maria Lopez said the council voted 7 to 2 on Monday to raise the transport budget by 12 percent.',
  '',
  'Council members in the chamber after the vote. Image: Jane Doe.',
  '',
  'Reactions',
  '',
  'Mayor Ann Smith told reporters:',
  '"I am proud of this council.',
  'We have worked hard for it."',
  '',
  'Officials could not disclose when the new routes would open.',
].join('\n');

const TRANSCRIPT = [
  'MODERATOR: Good evening and welcome to the debate.',
  'SMITH: Unemployment fell to 4 percent last year.',
  'JONES: That is not true, it rose to 6 percent.',
  'SMITH: We cut taxes for 3 million families.',
  'MODERATOR: Thank you both.',
].join('\n');

const scoreOf = (sentences: ReturnType<typeof analyzeText>, start: string) => sentences.find((s) => s.text.startsWith(start))!;

describe('document kind', () => {
  it('reads speaker turns as a transcript and news prose as an article', () => {
    expect(detectDocumentKind(TRANSCRIPT)).toBe('transcript');
    expect(detectDocumentKind(ARTICLE)).toBe('article');
    expect(detectDocumentKind(WAR_REPORT)).toBe('article');
    // "Image:" and "Date:" lines are not speakers.
    expect(detectDocumentKind('Image: AP.\nDate: today\nPhoto: AP.\nCredit: Reuters.\nThe vote passed.')).toBe('article');
  });

  it('scores a transcript with the sentence model alone and an article in context', () => {
    const spotter = defaultSpotter();
    const transcript = analyzeText(TRANSCRIPT);
    const line = scoreOf(transcript, 'We cut taxes');
    expect(line.score).toBe(spotter.score(line.text).score);
    expect(line.claimant).toBe('Smith');
    const article = spotDocument(ARTICLE);
    expect(article.kind).toBe('article');
    expect(article.sentences.some((s) => s.context.length > 0)).toBe(true);
    expect(spotDocument(TRANSCRIPT).sentences.every((s) => s.context.length === 0)).toBe(true);
  });
});

describe('context features', () => {
  const doc = spotDocument(ARTICLE);
  const features = (start: string) => doc.sentences.find((s) => s.sentence.text.startsWith(start))!.context;

  it('names headlines, headings, captions, quotation lead-ins, sourced figures and non-statements', () => {
    expect(features('City council approves')).toContain('headline');
    expect(features('Reactions')).toContain('heading');
    expect(features('Council members in the chamber')).toContain('caption_block');
    expect(features('Mayor Ann Smith told reporters')).toEqual(expect.arrayContaining(['introduces_quote']));
    expect(features('Budget chief Maria Lopez')).toEqual(
      expect.arrayContaining(['attributed', 'figure', 'sourced_figure', 'past_event']),
    );
    expect(features('We have worked hard')).toEqual(expect.arrayContaining(['in_quote', 'quoted_first_person']));
    expect(features('Officials could not disclose')).toContain('no_statement');
    expect(features('Budget chief Maria Lopez')).not.toContain('heading');
  });

  it('flags the sourced figure and keeps captions, headings and non-statements out, each with its reason', () => {
    const sentences = analyzeText(ARTICLE);
    const vote = scoreOf(sentences, 'Budget chief Maria Lopez');
    expect(vote.checkWorthy).toBe(true);
    expect(vote.reasons.map((r) => r.kind)).toContain('sourced_figure');
    for (const start of ['Council members in the chamber', 'Reactions', 'Officials could not disclose', 'Image: Jane Doe']) {
      const s = scoreOf(sentences, start);
      expect(s.checkWorthy, start).toBe(false);
    }
    // Its credit closes the line: a caption, whatever its verb (the caption_block feature reads the same paragraph).
    expect(scoreOf(sentences, 'Council members in the chamber').reasons.map((r) => r.kind)).toContain('caption');
    expect(scoreOf(sentences, 'Officials could not disclose').reasons.map((r) => r.kind)).toContain('no_statement');
  });

  it('counts spelled-out numbers as figures, English and Russian, but not words that only contain one', () => {
    const text = [
      'Ten people were killed in the attack, police said.',
      'It must be returned within twenty working days.',
      'Житель сказал, что двое его сыновей были убиты в ночь на воскресенье.',
      'Шестеро из семи кандидатов поддержали вступление в альянс.',
      'Здание было построено в прошлом году.',
    ].join(' ');
    const figure = (start: string) =>
      spotDocument(text)
        .sentences.find((s) => s.sentence.text.startsWith(start))!
        .context.includes('figure');
    expect(figure('Ten people')).toBe(true);
    expect(figure('It must be returned')).toBe(true);
    expect(figure('Житель сказал')).toBe(true);
    expect(figure('Шестеро')).toBe(true);
    expect(figure('Здание')).toBe(false);
  });

  it('reads a line after the headline alone as a heading only when it has no closing punctuation', () => {
    const base = {
      attribution: { claimant: null, attributed: false, quoted: 0, viaQuote: false },
      first: false,
      restOfParagraph: [],
    };
    expect(contextFeatures({ ...base, text: 'Displays of charity at event', standsAlone: true })).toContain('heading');
    expect(contextFeatures({ ...base, text: 'The event raised $5,000 for charity.', standsAlone: true })).not.toContain(
      'heading',
    );
    expect(contextFeatures({ ...base, text: 'Displays of charity at event', standsAlone: false })).not.toContain('heading');
  });
});

describe('sentence model', () => {
  it('scores exactly as the feature vector it was trained on, repeated pairs and "$" included', () => {
    const spotter = defaultSpotter();
    const sentences = [
      'He paid $ 5 and then $ 5 again, $',
      'the the the cat the the',
      'Unemployment fell to 4.2 percent in 2019, the lowest rate since 1969.',
      'All she has done is talk to the African-Americans and to the Latinos.',
      'I think we should do better.',
    ];
    for (const s of sentences) {
      const v = vectorize(s, spotter.model.config);
      let z = 0;
      v.names.forEach((n, i) => (z += (spotter.model.weights[n] ?? 0) * v.values[i]!));
      const r = spotter.score(s);
      const priors = r.reasons
        .filter((q) => q.kind === 'stated_figure' || q.kind === 'dateline')
        .reduce((a, q) => a + q.weight, 0);
      const platt = spotter.model.platt ?? { scale: 1, offset: 0 };
      expect(Math.abs(r.score - sigmoid(platt.scale * (z + priors) + platt.offset)), s).toBeLessThan(1e-4);
    }
  });

  it('counts a hyphenated name once and sees tense, person and numbers as word classes', () => {
    const config = { wordBigrams: true, charMin: 0, charMax: 0, wordClasses: true };
    expect(extractFeatures('They met the African-Americans and the Latinos.', config)).toContain('k:names');
    expect(extractFeatures('They met Ann, Bob and Carl in Paris.', config)).toContain('k:names3');
    const f = extractFeatures('We cut taxes for 3,000,000 families in 2019.', config);
    expect(f).toEqual(expect.arrayContaining(['k:we', 'k:past', 'k:big_number', 'k:year', 'k:numbers2']));
    expect(extractFeatures('Taxes will rise.', config)).toEqual(expect.arrayContaining(['k:future', 'k:impersonal']));
  });
});
