// The page's own words in English and Hindi. Quiz content comes from the API in the chosen language.

const STORAGE_KEY = 'kydp.language';

export const LANGUAGES = ['en', 'hi'];

const STRINGS = {
  en: {
    brand: 'Know Your Delhi Police',
    pageTitle: 'Know Your Delhi Police · Quiz',
    skipToContent: 'Skip to content',
    language: 'Language',
    footer: 'A public-awareness quiz about Delhi Police services and safety.',
    loading: 'Loading…',
    playingAs: (name) => `Playing as ${name}`,
    quizzesTitle: 'Quizzes',
    quizzesIntro: 'Pick a quiz. Each question tells you why the right answer is right.',
    questionCount: (n) => `${n} questions`,
    minutes: (n) => `${n} minutes`,
    play: 'Play',
    leaderboard: 'Leaderboard',
    noQuizzes: 'There are no quizzes yet.',
    registerTitle: 'Before you play',
    nameLabel: 'Your name on the leaderboard',
    nameHint: '1 to 32 letters, digits, spaces, or _ - .',
    nameRefused: (name) => `The name “${name}” was not accepted. Use 1 to 32 letters, digits, spaces, or _ - .`,
    continue: 'Start the quiz',
    questionOf: (index, count) => `Question ${index} of ${count}`,
    points: (n) => `${n} points`,
    timeLeft: 'Time left',
    timeLeftAnnouncement: (text) => `Time left: ${text}`,
    minutesLeft: (n) => (n === 1 ? '1 minute' : `${n} minutes`),
    secondsLeft: (n) => `${n} seconds`,
    submitAnswer: 'Submit answer',
    chooseFirst: 'Choose an answer first.',
    trueLabel: 'True',
    falseLabel: 'False',
    correct: 'Correct!',
    wrong: 'Not quite.',
    recorded: 'Your answer is recorded.',
    pointsEarned: (n) => `You earned ${n} points.`,
    rightAnswer: (text) => `Right answer: ${text}`,
    next: 'Next question',
    seeResults: 'See my result',
    unsupportedType: 'This page cannot show this kind of question yet. You can finish the quiz here.',
    finishNow: 'Finish the quiz',
    timeUp: 'Time is up.',
    resultTitle: 'Your result',
    score: (score, max) => `You scored ${score} of ${max} points.`,
    correctCount: (correct, count) => `${correct} of ${count} answers correct.`,
    rank: (rank) => `Your rank on the leaderboard: ${rank}.`,
    duration: (text) => `Time taken: ${text}.`,
    review: 'Review your answers',
    yourAnswer: (text) => `Your answer: ${text}`,
    noAnswer: 'Not answered',
    playAgain: 'Play again',
    allQuizzes: 'All quizzes',
    leaderboardTitle: (title) => `Leaderboard: ${title}`,
    period: 'Period',
    windows: { all: 'All time', week: 'This week', day: 'Today' },
    rankHeader: 'Rank',
    nameHeader: 'Name',
    scoreHeader: 'Score',
    timeHeader: 'Time',
    you: '(you)',
    yourPlace: 'Your place',
    nobodyYet: 'No one has finished this quiz yet. Be the first!',
    quizNotFound: 'This quiz was not found.',
    attemptsExhausted: 'You have used all your attempts at this quiz.',
    attemptGone: 'This attempt is no longer available. Start the quiz again.',
    failed: 'Something went wrong. Please try again.',
    tryAgain: 'Try again',
  },
  hi: {
    brand: 'अपनी दिल्ली पुलिस को जानो',
    pageTitle: 'अपनी दिल्ली पुलिस को जानो · क्विज़',
    skipToContent: 'मुख्य सामग्री पर जाएँ',
    language: 'भाषा',
    footer: 'दिल्ली पुलिस की सेवाओं और सुरक्षा के बारे में जन-जागरूकता क्विज़।',
    loading: 'लोड हो रहा है…',
    playingAs: (name) => `खिलाड़ी: ${name}`,
    quizzesTitle: 'क्विज़',
    quizzesIntro: 'कोई क्विज़ चुनिए। हर प्रश्न के बाद बताया जाएगा कि सही उत्तर क्यों सही है।',
    questionCount: (n) => `${n} प्रश्न`,
    minutes: (n) => `${n} मिनट`,
    play: 'खेलें',
    leaderboard: 'लीडरबोर्ड',
    noQuizzes: 'अभी कोई क्विज़ उपलब्ध नहीं है।',
    registerTitle: 'खेलने से पहले',
    nameLabel: 'लीडरबोर्ड पर आपका नाम',
    nameHint: '1 से 32 अक्षर, अंक, स्पेस या _ - .',
    nameRefused: (name) => `नाम “${name}” स्वीकार नहीं हुआ। 1 से 32 अक्षर, अंक, स्पेस या _ - . का प्रयोग करें।`,
    continue: 'क्विज़ शुरू करें',
    questionOf: (index, count) => `प्रश्न ${index} / ${count}`,
    points: (n) => `${n} अंक`,
    timeLeft: 'शेष समय',
    timeLeftAnnouncement: (text) => `शेष समय: ${text}`,
    minutesLeft: (n) => `${n} मिनट`,
    secondsLeft: (n) => `${n} सेकंड`,
    submitAnswer: 'उत्तर दें',
    chooseFirst: 'पहले कोई उत्तर चुनिए।',
    trueLabel: 'सत्य',
    falseLabel: 'असत्य',
    correct: 'सही उत्तर!',
    wrong: 'यह उत्तर सही नहीं है।',
    recorded: 'आपका उत्तर दर्ज हो गया है।',
    pointsEarned: (n) => `आपको ${n} अंक मिले।`,
    rightAnswer: (text) => `सही उत्तर: ${text}`,
    next: 'अगला प्रश्न',
    seeResults: 'मेरा परिणाम देखें',
    unsupportedType: 'यह पेज इस तरह का प्रश्न अभी नहीं दिखा सकता। आप यहीं क्विज़ समाप्त कर सकते हैं।',
    finishNow: 'क्विज़ समाप्त करें',
    timeUp: 'समय समाप्त हो गया।',
    resultTitle: 'आपका परिणाम',
    score: (score, max) => `आपने ${max} में से ${score} अंक पाए।`,
    correctCount: (correct, count) => `${count} में से ${correct} उत्तर सही।`,
    rank: (rank) => `लीडरबोर्ड पर आपका स्थान: ${rank}।`,
    duration: (text) => `लगा समय: ${text}।`,
    review: 'अपने उत्तर दोबारा देखें',
    yourAnswer: (text) => `आपका उत्तर: ${text}`,
    noAnswer: 'उत्तर नहीं दिया',
    playAgain: 'फिर से खेलें',
    allQuizzes: 'सभी क्विज़',
    leaderboardTitle: (title) => `लीडरबोर्ड: ${title}`,
    period: 'अवधि',
    windows: { all: 'अब तक', week: 'इस सप्ताह', day: 'आज' },
    rankHeader: 'स्थान',
    nameHeader: 'नाम',
    scoreHeader: 'अंक',
    timeHeader: 'समय',
    you: '(आप)',
    yourPlace: 'आपका स्थान',
    nobodyYet: 'अभी तक किसी ने यह क्विज़ पूरा नहीं किया है। पहले आप खेलिए!',
    quizNotFound: 'यह क्विज़ नहीं मिला।',
    attemptsExhausted: 'आप इस क्विज़ के सभी प्रयास कर चुके हैं।',
    attemptGone: 'यह प्रयास अब उपलब्ध नहीं है। क्विज़ फिर से शुरू करें।',
    failed: 'कुछ गड़बड़ हो गई। कृपया फिर से प्रयास करें।',
    tryAgain: 'फिर से प्रयास करें',
  },
};

let current = initialLanguage();

function initialLanguage() {
  const stored = localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.includes(stored) ? stored : 'en';
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  if (!LANGUAGES.includes(lang)) {
    throw new Error(`unsupported language: ${lang}`);
  }
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
}

/** The page's text for a key in the current language; a string, or a function's result for its arguments. */
export function t(key, ...args) {
  const value = STRINGS[current][key];
  return typeof value === 'function' ? value(...args) : value;
}

/** Minutes and seconds, "9:05". */
export function clock(totalSeconds) {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
