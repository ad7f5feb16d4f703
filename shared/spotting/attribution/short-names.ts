/**
 * Ministries' and federal agencies' one-word short names ("Минфин", "Росстат", "Генштаб", "Мінфін") put back
 * in the nominative from the genitive ("по данным Минфина") or the locative ("сообщили в Росстате").
 */

/** Undeclined short names ("Минобороны", "Минэнерго"). */
const MINISTRY_UNDECLINED =
  /^(?:Минобороны|Минприроды|Минэнерго|Минэкономразвития|Минцифры|Минкультуры|Минпросвещения|Минобрнауки|Минвостокразвития|Мінагрополітики|Мінекономіки|Мінцифри|Мінкультури|Міноборони)$/;
const MINISTRY_STEM = '(Мин(?:сельхоз|фин|здрав|транс|труд|юст|строй|промторг|спорт)|Мін(?:фін|юст|енерго))';
/** A federal agency's compound name ("Росстат", "Росатом", "Генштаб", "Укргідрометцентр"; never "Украина", a country). */
const AGENCY_STEM = '((?:Рос|Укр(?!а)|Ген)\\p{Ll}{3,}[бвгджзклмнпрстфхцчшщ])';

const GENITIVE = [new RegExp(`^${MINISTRY_STEM}(?:а|у)$`), new RegExp(`^${AGENCY_STEM}(?:а|у)$`, 'u')];
const LOCATIVE = [new RegExp(`^${MINISTRY_STEM}(?:е|і)$`), new RegExp(`^${AGENCY_STEM}(?:е|і)$`, 'u')];

/** The nominative of a short name in the genitive ("Минсельхоза" → "Минсельхоз", "Генштабу" → "Генштаб"), else null. */
export function shortNameFromGenitive(word: string): string | null {
  if (MINISTRY_UNDECLINED.test(word)) return word;
  for (const re of GENITIVE) {
    const m = re.exec(word);
    if (m) return m[1]!;
  }
  return null;
}

/** The nominative of a short name in the locative ("Росстате" → "Росстат", "Мінфіні" → "Мінфін"), else null. */
export function shortNameFromLocative(word: string): string | null {
  if (MINISTRY_UNDECLINED.test(word)) return word;
  for (const re of LOCATIVE) {
    const m = re.exec(word);
    if (m) return m[1]!;
  }
  return null;
}
