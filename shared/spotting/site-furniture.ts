/**
 * Site furniture: the lines a web page carries around every article (donation and subscription appeals,
 * newsletter and social-media prompts, copyright and licence notices, cookie and privacy notices, navigation
 * such as "Read more" or "Related articles"). They reach the text when an article is saved or pasted with its
 * page, state nothing about the story, and are never claims, however many figures or names they hold.
 *
 * Recognised by what such a line does (asks for money, asks to subscribe or follow, asserts rights, points
 * elsewhere), each pattern a family of phrasings, so a footer not seen before is still caught.
 */
import { wordGated } from './word-gate';

/** The site speaking about itself or to its reader: "our", "we", "us", "you". */
const SITE_VOICE = /\b(?:our|we|us|you|your)\b|(?:\bнас\b|\bнаш|\bвы\b|\bваш)/iu;

export const FURNITURE_PATTERNS: readonly {
  kind: string;
  pattern: RegExp;
  voiced?: boolean;
  /** Matched however long the sentence: a list under a label ("Editorial Board: …") runs on. */
  anyLength?: boolean;
  /** What the sentence must hold before the pattern is tried, where its word gate cannot tell or would let most through. */
  needs?: RegExp;
}[] = [
  {
    // "As a nonprofit, Wikipedia and our related projects are powered primarily through donations."
    kind: 'appeal',
    voiced: true,
    pattern:
      /\b(?:powered|funded|supported|sustained|made possible|kept (?:free|online|running))\b.{0,40}\b(?:by|through|thanks to) (?:\w+ ){0,3}(?:donations|donors|readers|members|supporters|subscribers|contributions)\b|\bas a (?:non-?profit|charity|reader-supported|member-supported)\b.{0,80}\b(?:donat|support|fund|power)/i,
  },
  {
    kind: 'appeal',
    pattern:
      /\b(?:please (?:donate|support us|consider (?:donating|supporting|a donation))|(?:make|give) a (?:one-off |monthly )?(?:donation|gift|contribution) (?:to|today|now)|donate (?:now|today|to us)|support (?:our|independent|quality) (?:journalism|reporting|newsroom|mission)|become a (?:member|supporter|patron|subscriber) (?:today|now|of|and)|help us (?:keep|continue|remain))|^\W*(?:help|support|join) us\b/i,
  },
  {
    kind: 'subscribe',
    pattern:
      /\b(?:subscribe (?:to our|now|today|for (?:free|just|only|\$))|sign up (?:for|to) (?:our|the) (?:\w+ )?(?:newsletter|email|updates|briefing)|(?:get|receive) (?:our|the) (?:\w+ )?(?:newsletter|headlines) (?:in|delivered)|already a subscriber|log in to (?:read|continue|comment))/i,
  },
  {
    kind: 'follow',
    pattern:
      /\b(?:follow us (?:on|at)|like us on|join us on|find us on|share (?:this|the) (?:article|story|post) (?:on|with|via)|share on (?:facebook|twitter|x|linkedin|whatsapp)|(?:click|tap) here (?:to|for)|skip to (?:main )?content|back to top)\b|^\W*(?:read (?:more|the full (?:story|article))|(?:related|recommended|more) (?:articles|stories|coverage))\W*$/i,
  },
  {
    // "To learn more, read our Year in Review series.", "To read more about EFF in the news, see our press mentions.",
    // "For more information, visit the agency's website.": a call to go and read elsewhere, saying nothing itself.
    kind: 'follow',
    pattern:
      /^\W*(?:to (?:learn|read|find out|hear|know|see) more|for more (?:information|details|news|stories|coverage|on\b)|(?:learn|read|find out) more (?:about|at|on|in|here)\b)\b.{0,120}?(?:\b(?:read|see|visit|check out|go to|click|tap|watch|listen to|download|contact|call|e-?mail|follow|sign up|subscribe)\b|\bhere\W*$|\bat (?:www\.|https?:|[\w-]+\.(?:org|com|net|gov|edu)\b))/i,
  },
  {
    // "Purchase Licensing Rights, opens new tab", "The Daily Briefing newsletter provides all the news you need …",
    // "Get a look at the day ahead with the Morning Bid newsletter.", "Advertisement · Scroll to continue".
    kind: 'follow',
    pattern:
      /\bopens (?:in )?(?:a )?new (?:tab|window)\W*$|\b(?:press|нажмите|натисніть) ctrl\s*\+\s*enter\b|^\W*(?:purchase licensing rights|sign up here)\b|\b(?:newsletter|briefing)\b.{0,60}\b(?:provides|brings|delivers|sends|gives)\b.{0,40}\byou\b|^\W*(?:get|receive|start your day|start the day|catch up on|stay (?:informed|up to date))\b.{0,120}\bnewsletter\W*$|^\W*advertisement\b(?:\W+scroll to continue)?\W*$|^\W*report this ad\W*$/i,
  },
  {
    // "The Associated Press receives support from … for coverage of …. The AP is solely responsible for all content."
    kind: 'disclaimer',
    pattern:
      /\breceives? (?:financial )?support from\b.{0,100}\bfor (?:its |the )?coverage of\b|\b(?:is|are) solely responsible for (?:all )?(?:the |its )?content\b/i,
  },
  {
    // "Additional reporting by Sam Kettering", "Marcus Delaney reported from Washington; Editing by Paul Simao",
    // "This interview has been edited and condensed for clarity.": who wrote or edited the story.
    kind: 'credit',
    pattern:
      /^\W*(?:additional )?(?:reporting|interview|editing|writing) by\s+\S|\bediting by\s+\S+(?:\s+\S+)?\W*$|^\W*this (?:interview|conversation) has been (?:edited|condensed|lightly edited)\b/i,
  },
  {
    // "Anyone with information is asked to call 101, quoting log 1432.": the police appeal closing a crime report.
    kind: 'appeal',
    pattern:
      /^\W*anyone (?:with|who has|who have) (?:any )?(?:information|footage|details)\b.{0,80}\b(?:is|are) (?:being )?(?:asked|urged|encouraged|requested) to (?:call|contact|ring|phone|get in touch|come forward)\b/i,
  },
  {
    // "Welcome to our coverage of Storm Darragh …", "We will bring you the latest …": a live blog greeting its reader.
    kind: 'update',
    pattern:
      /^\W*welcome to (?:our|the) (?:live )?(?:coverage|blog|live blog|updates|rolling coverage)\b|^\W*we(?:'ll|’ll| will) (?:bring|keep) you (?:the latest|live updates|updated)\b/i,
  },
  {
    // "This article is for information only and is not a substitute for medical advice."
    kind: 'disclaimer',
    pattern:
      /^\W*(?:this|the) (?:article|content|material|story|page|information|site|website)\b.{0,60}\b(?:(?:is|are) (?:provided )?for (?:general )?informational? (?:purposes )?only|(?:is|are) not (?:intended (?:as |to be )?)?(?:a substitute|a replacement) for)\b/i,
  },
  {
    kind: 'rights',
    // Apart from the other rights notices: its first word ("the") is in nearly every sentence, so its word gate
    // would let nearly all through; " under " is rare and the branch cannot match without it.
    needs: / under /i,
    pattern:
      /\b(?:this|the) (?:\w+ ){0,2}(?:is|are) (?:available|licensed|published) under (?:a |the )?(?:creative commons|cc[ -]by|gnu|terms)/i,
  },
  {
    kind: 'rights',
    pattern:
      /(?:©|\(c\)\s*\d{4}|^\W*copyright\s+(?:(?:©|\(c\))\s*)?\d{4}|\b(?:this|the) (?:material|content|article|story) (?:may|must) not be (?:published|reproduced|broadcast|rewritten|redistributed|copied)\b|\ball rights reserved\b|\breproduction (?:in whole or in part )?(?:is )?(?:prohibited|forbidden)\b|\b(?:we|this (?:site|website)) uses? cookies\b|\b(?:read|see|view|review) our (?:privacy|cookie) (?:policy|notice|statement)|^\W*(?:privacy policy|terms of (?:use|service)|cookie (?:policy|settings)|contact us|advertise with us)\W*$)/i,
  },
  {
    // A journal's masthead and the furniture of a paper's first and last pages: "Working Papers on Information
    // Systems ISSN 1535-6078", "Volume 9, Issue 2", "Keywords: …", "Permanent URL: …", "Editorial Board: …".
    kind: 'journal',
    anyLength: true,
    pattern:
      /\b(?:e-?|p-?|print |online )?(?:issn|isbn)(?:-1[03])?\b[\s:]*[\dX][\dX -]{6,}|^\W*(?:vol|volume)\b\.? ?\d+\s*[,;.]?\s*(?:issue|iss\.|no\.|number|nr\.?) ?\d+|^\W*(?:keywords?|key words|index terms|jel(?: classification)?|permanent (?:url|link)|stable url|to cite this (?:article|paper)|cite (?:this (?:article|paper) )?as|how to cite|citation|reference|received|accepted|revised|published online|editorial board|advisory board|editors?(?:-in-chief)?|managing editor|corresponding author|sponsors)\s*:/i,
  },
  {
    kind: 'journal',
    anyLength: true,
    needs: /[\u0400-\u052f]/,
    pattern:
      /^\W*(?:(?:том|т\.) ?\d+\s*[,;.]?\s*(?:№|выпуск|вып\.) ?\d+|(?:ключевые слова|ключові слова|для цитирования|для цитування)\s*:)/iu,
  },
  {
    // A citation of a journal issue, "Sprouts: Working Papers on Information Systems, 9(37). http://…" or
    // "… Decision Processes, 50(2), 179–211": a volume and its issue, then the pages or the paper's address.
    kind: 'journal',
    needs: /\d\s?\(\d/,
    pattern: /\b\d{1,4} ?\(\d{1,4}\)[.,:]\s*(?:pp?\.\s*)?(?:\d{1,5}\s*[-–]\s*\d{1,5}\b|https?:\/\/|www\.)/i,
  },
  {
    kind: 'appeal',
    // Every branch begins with a Cyrillic word, and under /iu Cyrillic letters fold only to Cyrillic ones.
    needs: /[\u0400-\u052f\u1c80-\u1c8f]/,
    pattern:
      /(?:поддержите (?:нас|редакцию|проект)|(?:сделайте|сделать) пожертвование|подпишитесь на (?:наш|нас)|подписывайтесь на (?:наш|нас)|^\W*читайте также\b|^\W*подробнее(?: о [^—–.]{1,60})?\s*[—–:-]?\s*(?:в материале|на сайте|по ссылке|читайте)|все права защищены|при (?:использовании|цитировании|перепечатке) (?:материалов )?(?:\p{L}+ )?ссылка (?:на \p{L}+ )?обязательна|(?:підтримайте|підпишіться на) (?:нас|наш))/iu,
  },
  {
    // "Материал дополняется.", "Новина доповнюється": a note that the story is still being written, not about the world.
    kind: 'update',
    needs: /[\u0400-\u052f]/,
    pattern:
      /^\W*(?:материал|новость|текст|информация|матеріал|новина|інформація) (?:дополняется|обновляется|будет дополнен|доповнюється|оновлюється|буде доповнено)\W*$/iu,
  },
];

/** Each pattern behind a word gate (shared/spotting/word-gate.ts): most sentences hold none of their first words. */
const FURNITURE = FURNITURE_PATTERNS.map((f) => {
  const gated = wordGated(f.pattern);
  const needs = f.needs;
  return { ...f, matches: needs ? (s: string) => needs.test(s) && gated(s) : gated };
});

/** What kind of site furniture a sentence is (`appeal`, `subscribe`, `follow`, `rights`, `disclaimer`, `update`, `journal`), or null for prose. */
export function siteFurnitureKind(sentence: string): string | null {
  // Furniture lines are short; a long sentence that mentions donations is reporting on them.
  const long = sentence.length > 400;
  for (const f of FURNITURE)
    if ((!long || f.anyLength) && f.matches(sentence) && (!f.voiced || SITE_VOICE.test(sentence))) return f.kind;
  return null;
}
