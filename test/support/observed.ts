import { expect } from 'vitest';

/** An answered fact, with the call that answered it and when (whichever call and time that was). */
export const answered = <T>(value: T) => ({
  ok: true,
  value,
  source: expect.objectContaining({ operation: expect.any(String), at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }),
});
