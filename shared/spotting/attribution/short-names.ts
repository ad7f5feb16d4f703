/**
 * Ministries' and federal agencies' one-word short names ("Минфин", "Росстат", "Генштаб", "Мінфін") put back
 * in the nominative from the genitive ("по данным Минфина") or the locative ("сообщили в Росстате").
 */

/** Undeclined short names ("Минобороны", "Минэнерго", "Укренерго"). */
const MINISTRY_UNDECLINED =
  /^(?:(?:Рос|Укр)\p{Ll}*[еэ]нерго|Минобороны|Минприроды|Минэнерго|Минэкономразвития|Минцифры|Минкультуры|Минпросвещения|Минобрнауки|Минвостокразвития|Мінагрополітики|Мінекономіки|Мінцифри|Мінкультури|Міноборони)$/u;
const MINISTRY_STEM = '(Мин(?:сельхоз|фин|здрав|транс|труд|юст|строй|промторг|спорт)|Мін(?:фін|юст|енерго))';
/** A federal agency's compound name ("Росстат", "Росатом", "Генштаб", "Укргідрометцентр"; never "Украина", a country). */
const AGENCY_STEM = '((?:Рос|Укр(?!а)|Ген)\\p{Ll}{3,}[бвгджзклмнпрстфхцчшщ])';

const GENITIVE = [new RegExp(`^${MINISTRY_STEM}(?:а|у)$`), new RegExp(`^${AGENCY_STEM}(?:а|у)$`, 'u')];
// (In the locative a stem ending in "л" may be a town's with a soft sign, "в Рославле": never read as an agency.)
const LOCATIVE = [new RegExp(`^${MINISTRY_STEM}(?:е|і)$`), new RegExp(`^${AGENCY_STEM}(?<!л)(?:е|і)$`, 'u')];

/** The nominative of a short name in the genitive ("Минсельхоза" → "Минсельхоз", "Генштабу" → "Генштаб"), else null. */
export const shortNameFromGenitive = (word: string): string | null => nominative(word, GENITIVE);

/** The nominative of a short name in the locative ("Росстате" → "Росстат", "Мінфіні" → "Мінфін"), else null. */
export const shortNameFromLocative = (word: string): string | null => nominative(word, LOCATIVE);

function nominative(word: string, forms: RegExp[]): string | null {
  if (MINISTRY_UNDECLINED.test(word)) return word;
  for (const re of forms) {
    const m = re.exec(word);
    if (m) return m[1]!;
  }
  return null;
}
