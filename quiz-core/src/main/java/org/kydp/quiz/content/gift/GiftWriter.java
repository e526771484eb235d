package org.kydp.quiz.content.gift;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kydp.quiz.content.ImportIssue;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Matching;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Numeric;
import org.kydp.quiz.model.Option;
import org.kydp.quiz.model.Ordering;
import org.kydp.quiz.model.Poll;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.ShortText;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;
import org.kydp.quiz.model.WeightedOption;

/**
 * Writes a quiz's questions as GIFT in one language, so that {@link GiftReader} reads them back as the
 * same questions (ids from titles, answers, weights, feedback, explanations as general feedback). GIFT has
 * no ordering or poll questions and no points: those questions are listed as left out.
 */
public final class GiftWriter {

    private final String language;
    private final String fallback;
    private final StringBuilder out = new StringBuilder();
    private final List<ImportIssue> leftOut = new ArrayList<>();

    private GiftWriter(String language, String fallback) {
        this.language = language;
        this.fallback = fallback;
    }

    /** The GIFT text, and the questions left out (line 0, with the question id and reason). */
    public record Export(String gift, List<ImportIssue> leftOut) {
        public Export {
            leftOut = List.copyOf(leftOut);
        }
    }

    public static Export write(Quiz quiz, String language) {
        GiftWriter writer = new GiftWriter(quiz.languages().contains(language) ? language : quiz.defaultLanguage(),
                quiz.defaultLanguage());
        writer.out.append("// ").append(oneLine(quiz.title().in(writer.language, writer.fallback)))
                .append(" (").append(quiz.id()).append(", version ").append(quiz.version()).append(")\n\n");
        for (Question question : quiz.questions()) {
            writer.question(question);
        }
        return new Export(writer.out.toString(), writer.leftOut);
    }

    private void question(Question question) {
        if (question instanceof Ordering || question instanceof Poll) {
            leftOut.add(new ImportIssue(0, "question " + question.id() + ": GIFT has no " + question.type().wireName()
                    + " questions"));
            return;
        }
        out.append("::").append(escape(question.id())).append("::").append(escape(text(question.text()))).append(" {");
        if (question instanceof SingleChoice choice) {
            singleChoice(choice);
        } else if (question instanceof MultipleResponse multiple) {
            multipleResponse(multiple);
        } else if (question instanceof TrueFalse trueFalse) {
            out.append(trueFalse.answer() ? "TRUE" : "FALSE");
            String wrong = text(trueFalse.feedbackWhenWrong());
            String right = text(trueFalse.feedbackWhenRight());
            if (!wrong.isEmpty() || !right.isEmpty()) {
                out.append('#').append(escape(wrong));
            }
            if (!right.isEmpty()) {
                out.append('#').append(escape(right));
            }
        } else if (question instanceof ShortText shortText) {
            for (ShortText.Accepted accepted : shortText.accepted()) {
                answer('=', accepted.fraction(), accepted.text(), accepted.feedback());
            }
        } else if (question instanceof Numeric numeric) {
            out.append('#');
            for (Numeric.Accepted accepted : numeric.accepted()) {
                answer('=', accepted.fraction(), numberSpec(accepted), accepted.feedback());
            }
        } else if (question instanceof Matching matching) {
            matching(matching);
        }
        String explanation = text(question.explanation());
        if (!explanation.isEmpty()) {
            out.append("\n  ####").append(escape(explanation));
        }
        out.append("\n}\n\n");
    }

    private void singleChoice(SingleChoice question) {
        for (Option option : question.options()) {
            answer(option.correct() ? '=' : '~', option.correct() || option.credit() == 0 ? 1 : option.credit(),
                    text(option.text()), option.feedback());
        }
    }

    private void multipleResponse(MultipleResponse question) {
        for (WeightedOption option : question.options()) {
            out.append("\n  ~%").append(plain(option.weight() * 100)).append('%').append(escape(text(option.text())));
            feedback(option.feedback());
        }
    }

    private void matching(Matching question) {
        Map<String, String> pairs = question.pairs();
        for (Question.Choice left : question.left()) {
            String right = question.right().stream().filter(r -> r.id().equals(pairs.get(left.id()))).findFirst()
                    .map(r -> text(r.text())).orElseThrow();
            out.append("\n  =").append(escape(text(left.text()))).append(" -> ").append(escape(right));
        }
        for (Question.Choice right : question.right()) {
            if (!pairs.containsValue(right.id())) {
                out.append("\n  = -> ").append(escape(text(right.text())));
            }
        }
    }

    private void answer(char marker, double fraction, String text, LocalizedText feedback) {
        out.append("\n  ").append(marker);
        if (fraction < 1) {
            out.append('%').append(plain(fraction * 100)).append('%');
        }
        out.append(text.startsWith("%") ? "\\" : "").append(escape(text));
        feedback(feedback);
    }

    private void feedback(LocalizedText feedback) {
        String text = text(feedback);
        if (!text.isEmpty()) {
            out.append(" #").append(escape(text));
        }
    }

    /** Text for a comment line: line breaks become spaces. */
    private static String oneLine(String text) {
        return text.replace("\r", "").replace("\n", " ");
    }

    private String numberSpec(Numeric.Accepted accepted) {
        if (accepted instanceof Numeric.Range range) {
            return plain(range.min()) + ".." + plain(range.max());
        }
        Numeric.Exact exact = (Numeric.Exact) accepted;
        return plain(exact.value()) + ":" + plain(exact.tolerance());
    }

    private String text(LocalizedText text) {
        return text == null ? "" : text.in(language, fallback).replace("\r", "");
    }


    private static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    /** Escapes GIFT's control characters (~ = # { } : and the backslash), and writes a line break as {@code \n}. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '\n') {
                escaped.append("\\n");
                continue;
            }
            if ("~=#{}:\\".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString().replace("->", "-\\>");
    }
}
