/** A number or a word of quantity; transcripts read it too (shared/text/candidates.ts). */
export const FIGURE =
  /\d|\b(?:hundreds?|thousands?|millions?|billions?|dozens?|percent|per cent|half|twice|double|single digits)\b|(?:тысяч|миллион|миллиард|процент|десят|сотн)/i;
