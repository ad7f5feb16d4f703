/** A number or a word of quantity; transcripts read it too (shared/text/candidates.ts). */
export const FIGURE =
  /\d|\b(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|percent|per cent|half|twice|double|single digits)\b|(?:тысяч|миллион|миллиард|процент|десят|сотн)|(?<![а-яёіїєґ'])(?:двадцат[ьи]|тридцат[ьи]|сорока?|девяност[оа]|половин[аеуы]|дважды|вдвое|втрое)(?![а-яёіїєґ])|(?<![а-яёіїєґ'])(?:двое|трое|четверо|пятеро|шестеро|семеро|двоє|троє|п'ятеро)(?![а-яёіїєґ])/i;
