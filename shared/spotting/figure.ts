/** A number or a word of quantity; transcripts read it too (shared/text/candidates.ts). */
export const FIGURE =
  /\d|\b(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|percent|per cent|half|twice|double|single digits)\b|(?:тысяч|миллион|миллиард|процент|десят|сотн)|(?<![а-яёіїєґ'])(?:двадцат[ьи]|тридцат[ьи]|сорока?|девяност[оа]|половин[аеуы]|дважды|вдвое|втрое)(?![а-яёіїєґ])|(?<![а-яёіїєґ'])(?:двое|трое|четверо|пятеро|шестеро|семеро|двоє|троє|п'ятеро)(?![а-яёіїєґ])/i;

/**
 * Numbers that are part of a name, not a figure: "No 10", "Channel 4", "Area 51", "Boeing 737", "G7", "COVID-19",
 * "M25", "F-16". (Capitalised letters joined to the number, or a word that names things by number.)
 */
const NAME_NUMBER =
  /\b(?:No\.?|Number) 10\b|\b(?:Channel|Area|Boeing|Airbus|Apollo|Formula|Windows|iPhone|Galaxy|Pixel|Flight|Route|Interstate|Terminal|Platform|Studio|Radio|Reactor) \d{1,4}\b(?![.,]\d|\s*(?:%|per\s?cent|percent))|\b\p{Lu}{1,5}-?\d{1,3}\b(?![.,]\d)/gu;

/** The sentence with the numbers that are part of names taken out (see NAME_NUMBER). */
export function withoutNameNumbers(s: string): string {
  return /\d/.test(s) ? s.replace(NAME_NUMBER, (m) => m.replace(/\d/g, '#')) : s;
}
