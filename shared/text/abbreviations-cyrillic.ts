/**
 * Russian and Ukrainian abbreviations for the segmenter's boundary repairs (shared/text/boundary-rules.ts),
 * lower-case, without their final dot; dotted forms ("т.е") are written without spaces.
 */

/**
 * Abbreviations that do not end a sentence: a title, a place word or a reference before a name or number
 * ("наст. Поклен", "им. Пушкина", "ул. Ленина", "проф. Иванов", "стр. 5", "вул. Хрещатик", "ім. Шевченка").
 */
export const CYRILLIC_CONTINUES: readonly string[] = [
  // Names and people: "[наст. Поклен]" (настоящее имя), "псевд.", "урожд.".
  'наст',
  'псевд',
  'урожд',
  'им',
  'ім',
  'тов',
  'проф',
  'акад',
  'доц',
  'ген',
  'св',
  'кн',
  // Places: street, avenue, lane, house, flat, region, district, settlement, village, station, metro.
  'ул',
  'вул',
  'пр',
  'просп',
  'пер',
  'пл',
  'д',
  'кв',
  'обл',
  'р-н',
  'пос',
  'с',
  'ст',
  // References: "т.е.", "т.н.", "т.к.", "см.", "напр.", "стр. 5", "рис. 3", "табл. 2", "гл. 4", "п. 2", "ч. 1".
  'т',
  'т.е',
  'т.н',
  'т.к',
  'см',
  'див',
  'напр',
  'стр',
  'рис',
  'табл',
  'гл',
  'п',
  // Languages before a word in the original: "от англ. check", "лат. veritas".
  'англ',
  'лат',
  'греч',
  'франц',
  'фр',
  'итал',
  'букв',
];

/**
 * Abbreviations that are also words ("род", "ум"): they continue only into a lower-case word or a digit
 * ("род. 1622", "ум. в 1673", "засл. артист", "ч. 2 ст. 105").
 */
export const CYRILLIC_BEFORE_LOWER: readonly string[] = ['род', 'ум', 'засл', 'нар', 'ч'];

/**
 * Abbreviations that may end a sentence: joined only when what follows does not look like a new sentence
 * (lower case, a digit, or a word that is not a sentence opener): "5 тыс. рублей", "в 1990 г. в Москве",
 * "и т. д. Далее" (ends).
 */
export const CYRILLIC_MAY_END: readonly string[] = [
  'г',
  'гг',
  'в',
  'вв',
  'н.э',
  'м',
  'с.г',
  'тыс',
  'тис',
  'млн',
  'млрд',
  'трлн',
  'руб',
  'коп',
  'р',
  'грн',
  'дол',
  'долл',
  'т.д',
  'т.п',
  'т.ч',
  'др',
  'ін',
  'тощо',
  'ок',
  'прибл',
  'мин',
  'сек',
  'км',
  'кг',
  'чел',
  'шт',
  'экз',
];

/**
 * Of CYRILLIC_MAY_END, units after a number or Roman numeral ("в 2010 г.", "XIX в.", "5 млн. руб."): before a
 * capital they end the sentence, unless the sentence so far is only that phrase ("В XIX в. Россия …").
 */
export const CYRILLIC_UNITS: readonly string[] = [
  'г',
  'гг',
  'в',
  'вв',
  'р',
  'м',
  'тыс',
  'тис',
  'млн',
  'млрд',
  'трлн',
  'руб',
  'коп',
  'грн',
  'дол',
  'долл',
  'км',
  'кг',
  'шт',
  'экз',
  'чел',
  'мин',
  'сек',
];

/** Of CYRILLIC_MAY_END, those that end the sentence before a capital ("… и т. д. Далее", "… та ін. Потім"). */
export const CYRILLIC_ENDS_BEFORE_CAPITAL: readonly string[] = ['т.д', 'т.п', 'др', 'тощо', 'ін'];

/**
 * Two- and three-letter forms of first names written as initials before a surname ("Ал. Алтаева",
 * "Вл. Соловьёв", "Дм. Мережковский"). A capitalised word this short ending a sentence is rare, but some are
 * names in their own right ("Ян", "Ли", "Ив"), which are left out.
 */
export const CYRILLIC_NAME_INITIALS: readonly string[] = [
  'ал',
  'вл',
  'вс',
  'дм',
  'ек',
  'евг',
  'мих',
  'ник',
  'серг',
  'конст',
  'вяч',
  'як',
  'юр',
  'фед',
  'льв',
];
