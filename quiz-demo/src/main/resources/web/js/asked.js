// The questions an attempt has shown, with the texts of their options, kept for this tab: the result's review
// gets answers as ids from the API and says them in words with these.

const STORAGE_KEY = 'kydp.asked';
const ATTEMPTS_KEPT = 5;

function load() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY));
    return Array.isArray(stored) ? stored : [];
  } catch {
    return [];
  }
}

/** Keeps what a served question showed: its type and the texts of its options, left and right items. */
export function remember(attemptId, question, language) {
  const attempts = load();
  let attempt = attempts.find((candidate) => candidate.id === attemptId);
  if (!attempt) {
    attempt = { id: attemptId, questions: {} };
    attempts.push(attempt);
  }
  const { type, options, left, right } = question;
  attempt.questions[question.id] = { type, language, options, left, right };
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(attempts.slice(-ATTEMPTS_KEPT)));
  } catch {
    // Storage full or refused: the review then says fewer answers in words.
  }
}

/** The questions remembered for an attempt, by question id (empty when none are). */
export function recall(attemptId) {
  return load().find((attempt) => attempt.id === attemptId)?.questions ?? {};
}
