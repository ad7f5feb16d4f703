import { describe, expect, it } from 'vitest';
import { analyzeText, speakerAt } from '../../../shared/text/candidates';

/** A news story that prints an interview as questions and answers, then goes on as a story under a new heading. */
const STORY = `Harbour deal signed in Varna

The two ports agreed on Monday to share a container terminal, officials said.

Radio Harbour: The ministry said earlier that the terminal would cost 40 million euros. Is that right?

Elena Petrova: Yes. We will open the terminal in 2027 and it will handle 300,000 containers a year.

Radio Harbour: What did the ministry say?

Elena Petrova: The ministry approved the plan in March. It pays a third of the cost.

Radio Harbour: Thank you for the interview!

Shippers wait for the terminal

According to analyst Marco Rossi, freight rates in the Black Sea rose 12 percent this year.
`;

const claimantOf = (text: string) => analyzeText(STORY).find((s) => s.text.startsWith(text))?.claimant;

describe('an interview printed inside a story', () => {
  it('gives each answer to the person answering', () => {
    expect(claimantOf('We will open the terminal in 2027')).toBe('Elena Petrova');
    expect(claimantOf('The ministry approved the plan in March.')).toBe('Elena Petrova');
  });

  it('names what the interviewer cites, never the interviewer', () => {
    expect(claimantOf('The ministry said earlier that the terminal')).toBe('the ministry');
  });

  it('ends the interview at the next heading: the story after it is the story’s again', () => {
    expect(claimantOf('According to analyst Marco Rossi')).toBe('Marco Rossi');
  });
});

/** The same with "Q:" and "A:" labels, and the story going on without a heading after the last answer. */
const QA_STORY = `Council backs harbour plan

Mayor Ines Duarte spoke to the Gazette before the vote.

Q: How will the city pay for it?

A: A federal grant covers half of the 80 million euros. Port fees pay for the rest.

After the vote, councillor Tomas Berg said the fees would rise by 15 percent.

"Shippers will pay for this," Berg told reporters.
`;

/** A debate answer over two paragraphs: the second is still the speaker's, whatever the rules carry over. */
const DEBATE = `GOVERNOR HALE: Violent crime fell by 12 percent last year, according to the state police.

We also hired 400 new officers in 2025.

SENATOR ORTIZ: Property crime rose by 9 percent in 2025.

MODERATOR: Thank you both.
`;

describe('labels that name no one, and paragraphs after a labelled one', () => {
  it('never makes "Q" or "A" a claimant, and gives a later paragraph to whoever it names outright', () => {
    const spotted = analyzeText(QA_STORY);
    for (const s of spotted) expect(['Q', 'A']).not.toContain(s.claimant);
    expect(spotted.find((s) => s.text.startsWith('A federal grant'))?.claimant).toBeNull();
    expect(spotted.find((s) => s.text.startsWith('After the vote'))?.claimant).toBe('Tomas Berg');
  });

  it('keeps a debater’s second paragraph theirs', () => {
    const spotted = analyzeText(DEBATE);
    expect(spotted.find((s) => s.text.startsWith('We also hired'))?.claimant).toBe('Governor Hale');
    expect(spotted.find((s) => s.text.startsWith('Property crime'))?.claimant).toBe('Senator Ortiz');
  });
});

describe('a claim made from a selection', () => {
  it('gets the speaker import gives the same sentence', () => {
    const at = (text: string, phrase: string) => speakerAt(text, text.indexOf(phrase));
    expect(at(STORY, 'We will open the terminal')).toBe('Elena Petrova');
    // After the heading the text is the story's again: no turn speaks it.
    expect(at(STORY, 'freight rates in the Black Sea')).toBeNull();
    expect(at(QA_STORY, 'A federal grant')).toBeNull();
    expect(at(DEBATE, 'We also hired')).toBe('Governor Hale');
    expect(at(DEBATE, 'SENATOR ORTIZ')).toBeNull();
  });
});
