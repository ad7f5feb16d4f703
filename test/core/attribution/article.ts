/**
 * A news article written for these tests (not copied from any outlet), shaped like an agency war report:
 * leading metadata, a headline, a photo caption with its credit, quotes across sentences, non-person
 * sources and pronouns.
 */
export const WAR_REPORT = [
  'date 2025-09-05T14:20:00Z',
  'url https://example.org/world/putin-warns-forum',
  '',
  'Putin says Western troops in Ukraine would be "legitimate targets"',
  '',
  'Russian President Vladimir Putin speaks during the plenary session of the Eastern Economic Forum, Sept. 5, 2025, in Vladivostok, Russia.',
  'Contributor/Getty Images',
  '',
  'Russian President Vladimir Putin said on Friday that any Western troops deployed to Ukraine would be "legitimate targets" for his army.',
  '',
  '"If some troops appear there, especially now, during the fighting, we proceed from the fact that these will be legitimate targets," Putin told the forum in Vladivostok.',
  '',
  'The Russian leader also said Moscow saw no point in a ceasefire while 26 countries were preparing to send forces.',
  '',
  'Kremlin spokesperson Dmitry Peskov later said that talks with Kyiv were "on pause."',
  '',
  "Ukraine's air force reported that Russia launched 157 drones and seven missiles overnight.",
  '',
  'Of those, 120 drones were shot down, it said.',
  '',
  'In Ryazan, local social media channels reported explosions near an oil refinery.',
  '',
  'Regional administration head Serhii Lysak said two people were injured in the Dnipropetrovsk region.',
  '',
  'Ukrainian President Volodymyr Zelenskyy told the AFP news agency that the force would be large.',
  '',
  '"We are talking about a serious contingent.',
  'It will definitely not be single digits, but in the thousands," he said.',
  '',
  'Officials could not disclose where the troops would be based.',
].join('\n');
