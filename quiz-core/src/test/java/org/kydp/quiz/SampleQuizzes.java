package org.kydp.quiz;

import java.time.Duration;
import java.util.List;

import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Option;
import org.kydp.quiz.model.QuestionInfo;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;

/** Small quizzes for tests. */
public final class SampleQuizzes {

    private SampleQuizzes() {
    }

    /** Two questions, 10 points each: "emergency" (single choice, right answer b) and "mha" (true). */
    public static Quiz helplines(QuizRules rules) {
        SingleChoice emergency = new SingleChoice(new QuestionInfo("emergency",
                LocalizedText.bilingual("Which number is India's single emergency number?",
                        "भारत का एकल आपातकालीन नंबर कौन सा है?"), 10,
                LocalizedText.bilingual("112 is the single emergency number.", "112 एकल आपातकालीन नंबर है।"),
                "India Today (25 Sep 2019)", null, null, null),
                List.of(new Option("a", LocalizedText.bilingual("1098", "1098"), false,
                                LocalizedText.bilingual("1098 is Childline.", "1098 चाइल्डलाइन है।")),
                        new Option("b", LocalizedText.bilingual("112", "112"), true,
                                LocalizedText.bilingual("Right: 112.", "सही: 112।")),
                        Option.wrong("c", LocalizedText.bilingual("1930", "1930"))));
        TrueFalse mha = new TrueFalse(new QuestionInfo("mha",
                LocalizedText.bilingual("Delhi Police reports to the Union Ministry of Home Affairs.",
                        "दिल्ली पुलिस केंद्रीय गृह मंत्रालय के अधीन है।"), 10,
                LocalizedText.bilingual("It does, not to the Delhi government.", "हाँ, दिल्ली सरकार के नहीं।"),
                "NDTV, 16 Feb 2020", null, null, null), true);
        return new Quiz("helplines", 1, "en", List.of("en", "hi"),
                LocalizedText.bilingual("Helplines", "हेल्पलाइन"),
                LocalizedText.bilingual("Numbers to know", "जानने योग्य नंबर"),
                List.of("helplines"), rules, List.of(emergency, mha));
    }

    public static Quiz helplines() {
        return helplines(QuizRules.defaults());
    }

    /** One question of each type (see quizzes/catalogue.json): 7 scored questions of 10 points and a poll. */
    public static Quiz catalogue(java.util.function.UnaryOperator<QuizRules> rules) {
        Quiz quiz = org.kydp.quiz.content.QuizDocumentReader.read(catalogueJson());
        return quiz.withRules(rules.apply(quiz.rules()));
    }

    /** The document of {@link #catalogue()}, as a quiz owner would send it. */
    public static String catalogueJson() {
        try (java.io.InputStream in = SampleQuizzes.class.getResourceAsStream("/quizzes/catalogue.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Quiz catalogue() {
        return catalogue(rules -> rules);
    }

    /** The right answer to each catalogue question, by question id (the poll gets a vote for "cyber"). */
    public static java.util.Map<String, org.kydp.quiz.model.Answer> catalogueRightAnswers() {
        return java.util.Map.of(
                "emergency", new org.kydp.quiz.model.Answer.Choice("b"),
                "never-share", org.kydp.quiz.model.Answer.Choices.of("a", "b"),
                "mha", new org.kydp.quiz.model.Answer.Bool(true),
                "motto-word", new org.kydp.quiz.model.Answer.Text("शांति"),
                "cyber-helpline", new org.kydp.quiz.model.Answer.Number(1930),
                "report-fraud", new org.kydp.quiz.model.Answer.Order(List.of("call", "complain", "follow")),
                "helplines", new org.kydp.quiz.model.Answer.Pairs(java.util.Map.of(
                        "child", "n1098", "cyber", "n1930", "emergency", "n112")),
                "topic", new org.kydp.quiz.model.Answer.Choice("cyber"));
    }

    /** An engine whose attempts shuffle and draw the same way on every run. */
    public static QuizEngine.Builder seeded(long seed) {
        try {
            java.security.SecureRandom random = java.security.SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return QuizEngine.builder().random(random);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static QuizRules timed(Duration limit) {
        return QuizRules.defaults().withTimeLimit(limit);
    }
}
