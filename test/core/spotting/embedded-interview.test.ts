import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';

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
