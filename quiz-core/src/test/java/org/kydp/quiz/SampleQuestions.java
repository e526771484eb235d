package org.kydp.quiz;

import java.util.List;
import java.util.Map;

import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Matching;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Numeric;
import org.kydp.quiz.model.Option;
import org.kydp.quiz.model.Ordering;
import org.kydp.quiz.model.Poll;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionInfo;
import org.kydp.quiz.model.ShortText;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;
import org.kydp.quiz.model.WeightedOption;

/** One question of each type, 10 points each unless told, for tests of grading and scoring. */
public final class SampleQuestions {

    private SampleQuestions() {
    }

    public static QuestionInfo info(String id) {
        return info(id, 10);
    }

    public static QuestionInfo info(String id, int points) {
        return QuestionInfo.of(id, LocalizedText.en("Question " + id + "?"), points);
    }

    public static Question.Choice choice(String id) {
        return new Question.Choice(id, LocalizedText.en("Item " + id));
    }

    /** Options a (1098), b (112, right) and c (1930); a and b carry feedback. */
    public static SingleChoice singleChoice(int points) {
        return new SingleChoice(info("emergency", points), List.of(
                new Option("a", LocalizedText.en("1098"), false, LocalizedText.en("1098 is Childline.")),
                new Option("b", LocalizedText.en("112"), true, LocalizedText.en("Right: 112.")),
                Option.wrong("c", LocalizedText.en("1930"))));
    }

    /** Right: a (0.5) and b (0.5); wrong: c (−0.5) and d (−1). */
    public static MultipleResponse multipleResponse(int points) {
        return new MultipleResponse(info("helplines", points), List.of(
                new WeightedOption("a", LocalizedText.en("112"), 0.5, LocalizedText.en("112: all emergencies.")),
                new WeightedOption("b", LocalizedText.en("1930"), 0.5, LocalizedText.en("1930: cyber fraud.")),
                new WeightedOption("c", LocalizedText.en("1098"), -0.5, null),
                new WeightedOption("d", LocalizedText.en("139"), -1.0, null)));
    }

    public static TrueFalse trueFalse(int points) {
        return new TrueFalse(info("mha", points), true, LocalizedText.en("Yes."), LocalizedText.en("It does."));
    }

    /** "एक सौ बारह" and "112" earn all the points, "सौ" half. */
    public static ShortText shortText(int points) {
        return new ShortText(info("number-in-words", points), List.of(
                ShortText.Accepted.fully("एक सौ बारह"),
                ShortText.Accepted.fully("112"),
                new ShortText.Accepted("सौ", 0.5, LocalizedText.en("Close."))));
    }

    /** 112 exactly for all the points, 100..120 for half. */
    public static Numeric numeric(int points) {
        return new Numeric(info("emergency-number", points), List.of(
                new Numeric.Exact(112, 0, 1.0, null),
                new Numeric.Range(100, 120, 0.5, LocalizedText.en("Near."))));
    }

    /** Right order: a, b, c, d. */
    public static Ordering ordering(int points) {
        return new Ordering(info("founding", points), List.of(choice("a"), choice("b"), choice("c"), choice("d")));
    }

    /** l1→r1, l2→r2, l3→r3; r4 matches nothing. */
    public static Matching matching(int points) {
        return new Matching(info("helpline-for", points),
                List.of(choice("l1"), choice("l2"), choice("l3")),
                List.of(choice("r1"), choice("r2"), choice("r3"), choice("r4")),
                Map.of("l1", "r1", "l2", "r2", "l3", "r3"));
    }

    /** Options yes, no and maybe. */
    public static Poll poll() {
        return new Poll(info("opinion"), List.of(choice("yes"), choice("no"), choice("maybe")));
    }

    /** One question of each of the eight types. */
    public static List<Question> everyType(int points) {
        return List.of(singleChoice(points), multipleResponse(points), trueFalse(points), shortText(points),
                numeric(points), ordering(points), matching(points), poll());
    }
}
