package org.kydp.quiz.content.gift;

import java.util.ArrayList;
import java.util.List;

/**
 * One answer in a GIFT answer block: {@code =} (right) or {@code ~} (other), an optional
 * {@code %weight%}, the answer text and an optional {@code #feedback}; all still escaped.
 */
record GiftAnswer(char marker, Double weightPercent, String text, String feedback) {

    /** Splits a block's body at each unescaped {@code =} or {@code ~}. */
    static List<GiftAnswer> split(String body) {
        List<GiftAnswer> answers = new ArrayList<>();
        int start = nextMarker(body, 0);
        while (start >= 0) {
            int end = nextMarker(body, start + 1);
            answers.add(parse(body.charAt(start), body.substring(start + 1, end < 0 ? body.length() : end)));
            start = end;
        }
        return answers;
    }

    /** Like {@link #split}, but text before the first marker counts as a right answer (numeric {@code {#3:2~#…}}). */
    static List<GiftAnswer> splitWithLeading(String body) {
        int first = nextMarker(body, 0);
        String leading = first < 0 ? body : body.substring(0, first);
        List<GiftAnswer> answers = new ArrayList<>();
        if (!leading.isBlank()) {
            answers.add(parse('=', leading));
        }
        answers.addAll(split(body));
        return answers;
    }

    /** Whether the body has text before its first answer marker, which GIFT does not allow. */
    static boolean hasLooseText(String body) {
        int first = nextMarker(body, 0);
        return !(first < 0 ? body : body.substring(0, first)).isBlank();
    }

    private static int nextMarker(String body, int from) {
        int equals = GiftText.indexOfUnescaped(body, "=", from);
        int tilde = GiftText.indexOfUnescaped(body, "~", from);
        if (equals < 0) {
            return tilde;
        }
        return tilde < 0 ? equals : Math.min(equals, tilde);
    }

    private static GiftAnswer parse(char marker, String raw) {
        String rest = raw.stripLeading();
        Double weight = null;
        if (rest.startsWith("%")) {
            int close = rest.indexOf('%', 1);
            if (close > 0) {
                try {
                    weight = Double.parseDouble(rest.substring(1, close).strip());
                    rest = rest.substring(close + 1);
                } catch (NumberFormatException e) {
                    weight = null;
                }
            }
        }
        int hash = GiftText.indexOfUnescaped(rest, "#", 0);
        String text = hash < 0 ? rest : rest.substring(0, hash);
        String feedback = hash < 0 ? null : rest.substring(hash + 1);
        return new GiftAnswer(marker, weight, text, feedback);
    }

    boolean right() {
        return marker == '=';
    }
}
