/** Word lists for attribution: verbs of saying, roles, titles, bodies and news outlets (English, Russian, Ukrainian). */

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** English verbs of saying and reporting, every form a news sentence uses. */
export const EN_VERBS = words(`
  said says say saying told tells tell stated states announced announces added adds wrote writes posted posts
  tweeted tweets claimed claims argued argues explained explains noted notes warned warns insisted insists
  confirmed confirms denied denies reported reports declared declares testified commented comments replied
  replies asserted asserts stressed stresses emphasised emphasized acknowledged acknowledges admitted admits
  estimated estimates alleged alleges predicted predicts recalled recalls revealed reveals disclosed
  observed observes concluded concludes suggested suggests urged urges cautioned cautions countered
  maintained maintains indicated indicates responded responds remarked remarks conceded concedes believes believed
  continued continues underlined underscored found show shows showed reasoned reasons accused accuses
`);

/** Lower-case words allowed inside a speaker's noun phrase ("Kremlin spokesperson …", "Ukraine's air force"). */
export const EN_ROLE_WORDS = words(`
  spokesperson spokesman spokeswoman spokespeople spokesmen press secretary secretaries minister ministers
  ministry ministries president presidents vice prime leader leaders head heads chief chiefs director directors
  governor governors mayor mayors councillor councillors senator senators lawmaker lawmakers official officials authorities authority
  administration government governments commander commanders general generals ambassador ambassadors envoy
  representative representatives member members chairman chairwoman chair chairperson deputy deputies
  coach captain founder co-founder ceo executive executives manager managers analyst analysts expert experts
  author authors co-author co-authors lead respondents researcher researchers scientist scientists professor doctor doctors witness witnesses resident residents
  source sources police army military navy air force forces service services agency agencies office offices
  department departments committee committees council councils court courts prosecutor prosecutors
  prosecutor's general's staff guard guards border emergency emergencies defence defense foreign interior
  health security intelligence state regional local national federal provincial city municipal district
  social media channels channel outlet outlets newspaper newspapers broadcaster news company companies firm
  firms bank banks party parties campaign group groups organisation organization union institute commission
  investigators investigator rescuers rescue workers worker operator operators monitor monitors
  team coordinator undersecretary secretary-general organiser organizer organisers organizers statement report reports spokes
  top senior former acting interim chief's regional region armed letter manifesto website study survey
  judge judges lawyer lawyers attorney attorneys bureau mission watchdog regulator sheriff commissioner
  traders economists diplomats observers protesters medics paramedics firefighters relatives eyewitnesses
  campaigners diplomat economist central chancellor chancellors critics activists investors prosecution documents filings federation association league confederation
  energy finance economy economic justice education transport agriculture environment environmental culture trade
  labour labor infrastructure housing family utility airline carrier retailer lender insurer
`);

/** Lower-case words that may open a speaker phrase without being part of a name. */
export const EN_DETERMINERS = words('the a an its their his her some several many two three');

/** Titles written before a name; dropped from the canonical name. */
export const EN_TITLES = words(`
  President Vice Prime Minister Chancellor Premier Governor Gov. Mayor Senator Sen. Rep. Representative
  Congressman Congresswoman Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof. Professor General Gen. Lt. Col. Colonel Major
  Admiral Ambassador Spokesman Spokeswoman Spokesperson Secretary Director Chairman Chairwoman Chair Pope King
  Queen Prince Princess Sheikh Judge Justice Officer Sheriff Detective Coach Captain Capt. Commander Chief
  Deputy Foreign Defence Defense Interior Health Finance Economy Sir Lord Lady Patriarch Metropolitan Archbishop
  Bishop Cardinal Father Rabbi Imam Speaker Leader Head Executive Commissioner Envoy Attorney Prosecutor
  Kremlin White House Pentagon Press Acting Former Regional Administration Military Governor-General Mr.
  CEO CTO CFO COO Founder Co-founder President-elect Ayatollah Supreme
  Inspector Superintendent Sergeant Sgt. Constable Councillor Councilor Councilman Councilwoman Alderman
  Assemblyman Assemblywoman Vice-President Vice-Chancellor Vice-Chair Vice-Chairman Lieutenant Dame Baroness
  Meteorologist Economist Historian Treasurer Forecaster MP MEP MSP Cllr Cllr.
`);

/** Role nouns that describe a person; a description "the governor" resolves to a person with that role. */
export const PERSON_ROLES = words(`
  president leader minister premier chancellor governor mayor senator spokesperson spokesman spokeswoman
  secretary director chairman chairwoman chief head ambassador envoy commander general coach captain
  prosecutor judge official representative founder executive ceo king queen pope patriarch lawyer attorney sheriff
  commissioner diplomat economist
`);
/** Roles that stand for one another ("the Russian leader" for "Russian President Vladimir Putin"). */
export const LEADER_ROLES = words('president leader premier chancellor king queen');

/** Nouns naming bodies; "the ministry" resolves to the last body whose name has this word. */
export const BODY_HEADS = words(`
  ministry ministries force forces army navy military police service agency office department committee
  council court government administration authorities bank company firm party campaign group organisation city municipality
  organization union institute commission guard kremlin pentagon house command staff prosecutor's bureau mission
  watchdog regulator federation association league confederation utility airline carrier retailer lender insurer
`);

/** Media: a news outlet reports what others say; it is the speaker only when no one else is. */
export const OUTLET_WORDS = words(`
  afp reuters ap tass ria interfax ukrinform bbc cnn nbc abc cbs fox bloomberg xinhua unian rbc kommersant
  vedomosti izvestia newspaper outlet outlets broadcaster agency media channels channel times post journal
  guardian telegraph independent weekly daily herald tribune gazette press wire wikinews
`);
/** Outlets recognised by name alone (lower-case). */
export const OUTLET_NAMES = words(`
  afp reuters ap tass ria interfax ukrinform bbc cnn nbc abc cbs bloomberg xinhua unian rbc kommersant
  vedomosti izvestia wikinews ria-novosti
`);

/** Plural nouns naming a group of people or sources, valid as a claimant without a name ("local authorities"). */
export const COLLECTIVE_HEADS = words(`
  officials authorities channels sources witnesses residents analysts experts investigators rescuers police
  prosecutors scientists researchers doctors critics activists organisers organizers monitors individuals
  users posters representatives members lawmakers workers media authors respondents traders economists
  diplomats observers protesters medics paramedics firefighters relatives eyewitnesses campaigners investors prosecution defence defense
`);

/** Words that are never a speaker on their own. */
export const NOT_SPEAKERS = words(`
  it this that there here what which who whom whose when where why how one someone something nobody nothing
  everyone everything anyone anything all both each either neither none other others such same many much
  the a an some any no i i'm i've i'd we we're we've you you're me us
`);

export const EN_PRONOUNS: Record<string, 'person' | 'body' | 'plural' | 'we'> = {
  he: 'person',
  she: 'person',
  it: 'body',
  they: 'plural',
  we: 'we',
};

/** Russian and Ukrainian verbs of saying (past and present forms). */
export const RU_VERBS = words(`
  сказал сказала сказало сказали заявил заявила заявило заявили заявляет заявляют сообщил сообщила сообщило
  сообщили сообщает сообщают отметил отметила отметило отметили отмечает написал написала написали пишет пишут пишуть
  подчеркнул подчеркнула подчеркнули добавил добавила добавили пояснил пояснила пояснили уточнил уточнила
  уточнили передает передаёт передают рассказал рассказала рассказали признал признала заверил заверила
  объявил объявила объявило объявили опроверг опровергла предупредил предупредила сообщал сообщала
  сообщали заявлял заявляла заявляли говорит говорят говорил говорила говорили подтвердил подтвердила
  подтвердило подтвердили утверждает утверждают утверждал утверждала утверждали считает считают
  отмечают отмечали отмечал отмечала зазначають повідомляють
  посоветовал посоветовала посоветовали писал писала писали объяснил объяснила объяснили объясняют объясняет
  підтвердив підтвердила підтвердили каже кажуть
  заявив заявила заявило заявили повідомив повідомила повідомило повідомили повідомляє повідомляють сказав
  сказала сказали зазначив зазначила зазначили написав написала написали наголосив наголосила додав додала
  пояснив пояснила розповів розповіла підкреслив підкреслила уточнило добавило пояснило отметило подчеркнуло
  пообещал пообещала пообещали обещает пообіцяв пообіцяла пообіцяли
  вспоминает вспомнил вспомнила згадує згадав згадала
  призвал призвала призвало призвали призывает призывают закликав закликала закликали закликає
  опубликовал опубликовала опубликовало опубликовали опублікував опублікувала опублікували
  назвал назвала назвало назвали называл называла называли напомнил напомнила напомнили
  предупреждает предупреждают прогнозирует прогнозируют сообщало заявляло полагает полагают полагал полагала
  назвав назвала назвали нагадав нагадала нагадали попередив попередила попередило попередили
  вважає вважають вважав вважала повідомляв повідомляла повідомляли уточнив уточнила уточнили
  додали пояснили розповіли наголосили підкреслили
`);

/** Prepositional attributions whose source follows in the genitive. */
export const RU_GENITIVE_CUES =
  /(?:^|[\s,«"(—–-])(?:по\s+(?:словам|данным|информации|сообщению|мнению|оценкам|оценке|подсчетам|подсчётам)|со\s+ссылкой\s+на|согласно\s+(?:данным|информации)|за\s+(?:словами|даними|інформацією|повідомленням)|на\s+думку|згідно\s+з(?:\s+(?:даними|інформацією))?)\s+/giu;

/** Russian/Ukrainian nouns heading a body's name (any case); used to recognise and resolve bodies. */
export const RU_BODY_STEMS = [
  'министерств',
  'минобороны',
  'минздрав',
  'минфин',
  'мид',
  'мвд',
  'мчс',
  'фсб',
  'ведомств',
  'правительств',
  'администрац',
  'кремл',
  'госдум',
  'дума',
  'совет',
  'комитет',
  'служб',
  'полици',
  'прокуратур',
  'суд',
  'штаб',
  'армі',
  'арми',
  'військ',
  'войск',
  'міністерств',
  'відомств',
  'уряд',
  'генштаб',
  'офіс',
  'офис',
  'пресс-служб',
  'пресс-центр',
  'регулятор',
  'центробанк',
  'банк',
  'роскомнадзор',
  'росстат',
  'власт',
  'влада',
  'компани',
  'партия',
  'парти',
  'центр',
  'силы',
  'сили',
  'делегац',
  'институт',
  'інститут',
];
/** Bodies named by initials, matched as whole words: "ес" as a stem would take "Есенин" for a body. */
const RU_BODY_INITIALS = new Set(['оон', 'нато', 'ес']);

/** A Russian or Ukrainian word (lower case) that names a body or starts a body's name. */
export function isRuBodyWord(w: string): boolean {
  return RU_BODY_INITIALS.has(w) || RU_BODY_STEMS.some((s) => w.startsWith(s));
}

/** Descriptions that stand for the last-named body ("ведомство", "відомство", "министерство"). */
export const RU_BODY_DESCRIPTIONS = ['ведомств', 'відомств', 'министерств', 'міністерств'];

/** Russian/Ukrainian role nouns that come before a person's name ("глава МИД России Сергей Лавров"). */
export const RU_ROLE_STEMS = [
  'президент',
  'премьер',
  'прем',
  'министр',
  'міністр',
  'глав',
  'голов',
  'губернатор',
  'градоначальник',
  'мэр',
  'мер',
  'пресс-секретар',
  'прессекретар',
  'речни',
  'представител',
  'представник',
  'депутат',
  'спикер',
  'сенатор',
  'директор',
  'председател',
  'руководител',
  'командующ',
  'командувач',
  'генерал',
  'посол',
  'советник',
  'радник',
  'лидер',
  'лідер',
  'канцлер',
  'эксперт',
  'експерт',
  'заместител',
  'заступник',
  // Deputies' compound titles: "замглавы МИД", "замминистра", "вице-премьер", "віце-прем'єр".
  'замглав',
  'замминистр',
  'замміністр',
  'замдиректор',
  'замгендиректор',
  'замначальник',
  'замгубернатор',
  'замруководител',
  'зампред',
  'вице-',
  'віце-',
  'дипломат',
  'начальник',
  'очільни',
  'помощник',
  'член',
  'судья',
  'прокурор',
  'лауреат',
  'академик',
  'владел',
  'основател',
  'засновник',
  'аналитик',
  'архитектор',
  'инженер',
  'учител',
  'работник',
  'сотрудник',
  'студент',
  'писател',
  'журналист',
  'адвокат',
  'юрист',
  'политолог',
  'социолог',
  'экономист',
  'историк',
  'художник',
  'актер',
  'актёр',
  'режисс',
  'музыкант',
  'фотограф',
  'бизнесмен',
  'предпринимател',
  'пенсионер',
  'священник',
  'профессор',
  'доцент',
  'ученый',
  'учёный',
  'тренер',
  'капитан',
  'врач',
  'лікар',
  'адвокат',
  'науковц',
];
/** Russian/Ukrainian outlets and their words. */
export const RU_OUTLET_STEMS = [
  'тасс',
  'риа',
  'интерфакс',
  'інтерфакс',
  'укрінформ',
  'укринформ',
  'лента',
  'коммерсант',
  'ведомост',
  'известия',
  'газет',
  'издани',
  'видання',
  'агентств',
  'телеканал',
  'сми',
  'зми',
  'портал',
  'рбк',
];
/** Plural nouns for a group of sources ("блогеры сообщили", "очевидцы рассказали"). */
export const RU_COLLECTIVE_STEMS = [
  'дипломат',
  'блогер',
  'блоггер',
  'очевид',
  'свидетел',
  'жител',
  'источник',
  'наблюдател',
  'эксперт',
  'аналитик',
  'журналист',
  'власт',
  'чиновник',
  'силовик',
  'спасател',
  'синоптик',
  'медик',
  'врач',
  'военн',
  'пользовател',
  'правоохранител',
  'сми',
  'зми',
  'мешканц',
  'джерел',
  'посадовц',
  'очевидц',
  'телеграм',
  'паблик',
];
/** Gerunds of saying: the speaker is the sentence's subject ("Дуров отказался, заявив, что …"). */
export const RU_GERUNDS = new Set([
  'заявив',
  'сообщив',
  'отметив',
  'подчеркнув',
  'добавив',
  'уточнив',
  'пояснив',
  'зазначивши',
  'заявивши',
  'наголосивши',
]);
/** Recipients skipped after a verb: "сообщил журналистам сам Трамп". */
export const RU_SKIP_AFTER_VERB = new Set([
  'журналистам',
  'репортерам',
  'репортёрам',
  'изданию',
  'агентству',
  'телеканалу',
  'газете',
  'сам',
  'сама',
  'сами',
  'журналістам',
  'виданню',
  'агентству',
  'также',
  'тоже',
  'позже',
  'ранее',
  'накануне',
  'в',
  'интервью',
  'вчера',
  'сегодня',
  // "сообщил в своём блоге X", "написала в соцсетях X".
  'своем',
  'своём',
  'своей',
  'блоге',
  'микроблоге',
  'соцсетях',
  'эфире',
  'телеграм-канале',
  'telegram-канале',
  'своєму',
  'блозі',
  'соцмережах',
]);
export const RU_PRONOUNS: Record<string, 'person' | 'body' | 'plural'> = {
  он: 'person',
  она: 'person',
  він: 'person',
  вона: 'person',
  оно: 'body',
  они: 'plural',
  вони: 'plural',
};

/** Trades a business is described by before what it is: "German industrial group Veltra", "the luxury group Kering". */
export const TRADES = words(`
  industrial engineering mining media technology tech chemicals chemical luxury steel energy oil pharmaceutical
  pharmaceuticals food retail insurance banking financial shipping telecoms telecommunications construction consumer
  investment research consulting consultancy tracking monitoring data analytics polling accounting law software security
`);
