package org.kydp.quiz.stats;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuestions;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Numeric;
import org.kydp.quiz.model.Option;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.ShortText;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;

/**
 * A small quiz played with known answer patterns, whose figures are worked out by hand in
 * {@code QuizStatisticsTest}: four questions of one point, five players who finish (three strong, two weak) and one
 * who does not.
 *
 * <pre>
 *            q1 (choice, a)  q2 (true)  q3 (text "1930")  q4 (number 112)   score
 *   strong1  a ✓             true ✓     "112" ✗           112 ✓             3
 *   strong2  a ✓             true ✓     " 112 " ✗         100 ✗             2
 *   strong3  a ✓             false ✗    "Cyber Cell" ✗    112 ✓             2
 *   weak1    b ✗             false ✗    "1930" ✓          100 ✗             1
 *   weak2    b ✗             false ✗    "cyber  cell" ✗   1098 ✗            0
 *   quitter  a ✓             (never finishes)
 * </pre>
 *
 * Only a weak player gets q3 right: its discrimination is negative. Every answer comes 2 s after its question is
 * shown, and each attempt finishes as its last answer comes: 8 s.
 */
public final class StatisticsFixture {

    public static final String QUIZ = "stats-fixture";

    static final Map<String, Map<String, Answer>> PLAYS = new LinkedHashMap<>();

    static {
        PLAYS.put("strong1", answers(new Answer.Choice("a"), true, "112", 112));
        PLAYS.put("strong2", answers(new Answer.Choice("a"), true, " 112 ", 100));
        PLAYS.put("strong3", answers(new Answer.Choice("a"), false, "Cyber Cell", 112));
        PLAYS.put("weak1", answers(new Answer.Choice("b"), false, "1930", 100));
        PLAYS.put("weak2", answers(new Answer.Choice("b"), false, "cyber  cell", 1098));
    }

    private StatisticsFixture() {
    }

    private static Map<String, Answer> answers(Answer q1, boolean q2, String q3, double q4) {
        return Map.of("q1", q1, "q2", new Answer.Bool(q2), "q3", new Answer.Text(q3), "q4", new Answer.Number(q4));
    }

    static Quiz quiz() {
        SingleChoice q1 = new SingleChoice(SampleQuestions.info("q1", 1), List.of(
                Option.right("a", LocalizedText.en("112")), Option.wrong("b", LocalizedText.en("100")),
                Option.wrong("c", LocalizedText.en("1098")), Option.wrong("d", LocalizedText.en("1930"))));
        TrueFalse q2 = new TrueFalse(SampleQuestions.info("q2", 1), true);
        ShortText q3 = new ShortText(SampleQuestions.info("q3", 1), List.of(ShortText.Accepted.fully("1930")));
        Numeric q4 = new Numeric(SampleQuestions.info("q4", 1), List.of(new Numeric.Exact(112, 0, 1.0, null)));
        return new Quiz(QUIZ, 1, "en", List.of("en"), LocalizedText.en("Statistics fixture"), LocalizedText.empty(),
                List.of(), QuizRules.defaults(), List.of(q1, q2, q3, q4), List.of());
    }

    /** Plays the fixture on the engine, whose clock this is. */
    public static void play(QuizEngine engine, MutableClock clock) {
        engine.publish(quiz());
        for (Map.Entry<String, Map<String, Answer>> play : PLAYS.entrySet()) {
            String player = engine.registerPlayer(play.getKey()).player().id();
            String attempt = engine.startAttempt(player, QUIZ).id();
            QuestionView question;
            while ((question = engine.currentQuestion(player, attempt).orElse(null)) != null) {
                clock.advance(Duration.ofSeconds(2));
                engine.answer(player, attempt, question.id(), play.getValue().get(question.id()));
            }
            engine.finish(player, attempt);
            clock.advance(Duration.ofMinutes(1));
        }
        String quitter = engine.registerPlayer("quitter").player().id();
        String attempt = engine.startAttempt(quitter, QUIZ).id();
        QuestionView first = engine.currentQuestion(quitter, attempt).orElseThrow();
        engine.answer(quitter, attempt, first.id(), PLAYS.get("strong1").get(first.id()));
    }
}
