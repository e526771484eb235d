package org.kydp.quiz.content.gift;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kydp.quiz.content.ImportIssue;
import org.kydp.quiz.content.ImportResult;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Matching;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Numeric;
import org.kydp.quiz.model.Option;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionInfo;
import org.kydp.quiz.model.ShortText;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;
import org.kydp.quiz.model.WeightedOption;

/**
 * Reads Moodle's GIFT format: titles, comments, per-answer feedback {@code #}, general feedback
 * {@code ####}, {@code %weights%}, true/false, short answer, numeric (tolerance, range, several answers),
 * matching, missing-word questions, escapes and {@code [html]}/{@code [markdown]}/{@code [plain]}
 * prefixes, and {@code $CATEGORY:} lines as tags. A question the engine cannot represent is reported with
 * its line and reason; nothing is dropped silently.
 */
public final class GiftReader {

    /** The points every imported question is worth; GIFT has no points of its own. */
    public static final int POINTS = 10;

    private final String language;
    private final List<Question> questions = new ArrayList<>();
    private final List<ImportIssue> skipped = new ArrayList<>();
    private final List<ImportIssue> warnings = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private String category;

    private GiftReader(String language) {
        this.language = language;
    }

    /** Reads a GIFT file whose texts are in {@code language}. */
    public static ImportResult read(String gift, String language) {
        GiftReader reader = new GiftReader(language);
        for (Chunk chunk : Chunk.split(gift)) {
            reader.read(chunk);
        }
        return new ImportResult(reader.questions, reader.skipped, reader.warnings);
    }

    private void read(Chunk chunk) {
        String text = chunk.text().strip();
        if (text.startsWith("$CATEGORY:")) {
            category = text.substring("$CATEGORY:".length()).strip();
            return;
        }
        try {
            Question question = question(chunk.line(), text);
            if (question != null) {
                questions.add(question);
            }
        } catch (IllegalArgumentException e) {
            skipped.add(new ImportIssue(chunk.line(), e.getMessage()));
        } catch (ValidationException e) {
            skipped.add(new ImportIssue(chunk.line(), e.reasons()));
        }
    }

    private Question question(int line, String text) {
        String title = null;
        if (text.startsWith("::")) {
            int close = GiftText.indexOfUnescaped(text, "::", 2);
            if (close < 0) {
                throw new IllegalArgumentException("the title has no closing '::'");
            }
            title = GiftText.clean(text.substring(2, close));
            text = text.substring(close + 2);
        }
        int open = GiftText.indexOfUnescaped(text, "{", 0);
        if (open < 0) {
            throw new IllegalArgumentException("no answer block {…}: a description, not a question");
        }
        int close = GiftText.indexOfUnescaped(text, "}", open + 1);
        if (close < 0) {
            throw new IllegalArgumentException("the answer block has no closing '}'");
        }
        String before = text.substring(0, open);
        String after = text.substring(close + 1).strip();
        String block = text.substring(open + 1, close);
        String stem = GiftText.clean(before);
        if (!after.isEmpty()) {
            stem = withBlank(stem, GiftText.clean(after));
        }
        if (stem.isBlank()) {
            throw new IllegalArgumentException("the question has no text");
        }
        String explanation = null;
        int general = GiftText.indexOfUnescaped(block, "####", 0);
        if (general >= 0) {
            explanation = GiftText.clean(block.substring(general + 4));
            block = block.substring(0, general);
        }
        QuestionInfo info = new QuestionInfo(idFor(title), localized(stem), POINTS, localized(explanation), null,
                category == null ? List.of() : List.of(category), Optional.empty(), Optional.empty());
        return answer(line, info, block);
    }

    /**
     * A missing-word question: the answer block stood mid-sentence, so it becomes a blank. Only a full stop
     * after a question that already ends ("What is pi? {…}.") is dropped instead.
     */
    private static String withBlank(String before, String after) {
        boolean complete = before.matches(".*[?:!.]$");
        boolean onlyPunctuation = after.matches("\\p{Punct}+");
        if (complete && onlyPunctuation) {
            return before;
        }
        return before + " _____" + (onlyPunctuation || after.matches("^\\p{Punct}.*") ? "" : " ") + after;
    }

    private Question answer(int line, QuestionInfo info, String block) {
        String body = block.strip();
        if (body.isEmpty()) {
            throw new IllegalArgumentException("an essay question (empty answer block) is not supported");
        }
        if (body.startsWith("#")) {
            return numeric(line, info, body.substring(1));
        }
        String head = body.split("#", 2)[0].strip().toUpperCase(Locale.ROOT);
        if (List.of("T", "F", "TRUE", "FALSE").contains(head)) {
            return trueFalse(info, body);
        }
        if (GiftAnswer.hasLooseText(body)) {
            throw new IllegalArgumentException("the answer block does not start with '=' or '~'");
        }
        List<GiftAnswer> answers = GiftAnswer.split(body);
        if (answers.stream().anyMatch(a -> a.right() && GiftText.indexOfUnescaped(a.text(), "->", 0) >= 0)) {
            return matching(info, answers);
        }
        if (answers.stream().allMatch(GiftAnswer::right)) {
            return shortText(line, info, answers);
        }
        long right = answers.stream().filter(GiftAnswer::right).count();
        if (right == 1) {
            return singleChoice(line, info, answers);
        }
        if (right == 0) {
            return multipleResponse(info, answers);
        }
        throw new IllegalArgumentException("a choice question with several '=' answers is not supported");
    }

    private Question trueFalse(QuestionInfo info, String body) {
        String[] parts = body.split("(?<!\\\\)#", -1);
        boolean answer = parts[0].strip().toUpperCase(Locale.ROOT).startsWith("T");
        LocalizedText wrongFeedback = parts.length > 1 ? localized(GiftText.clean(parts[1])) : null;
        LocalizedText rightFeedback = parts.length > 2 ? localized(GiftText.clean(parts[2])) : null;
        return new TrueFalse(info, answer, rightFeedback, wrongFeedback);
    }

    private Question singleChoice(int line, QuestionInfo info, List<GiftAnswer> answers) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            GiftAnswer answer = answers.get(i);
            double credit = answer.right() || answer.weightPercent() == null ? 0 : answer.weightPercent() / 100;
            if (credit < 0) {
                warnings.add(new ImportIssue(line, "question " + info.id() + ": negative weight "
                        + answer.weightPercent() + "% of a single-choice option counted as 0"));
                credit = 0;
            }
            options.add(new Option(optionId(i), localized(GiftText.clean(answer.text())), answer.right(),
                    localized(feedback(answer)), Math.min(1, credit)));
        }
        return new SingleChoice(info, options);
    }

    private Question multipleResponse(QuestionInfo info, List<GiftAnswer> answers) {
        List<WeightedOption> options = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            GiftAnswer answer = answers.get(i);
            double weight = answer.weightPercent() == null ? 0 : answer.weightPercent() / 100;
            options.add(new WeightedOption(optionId(i), localized(GiftText.clean(answer.text())), weight,
                    localized(feedback(answer))));
        }
        if (options.stream().noneMatch(WeightedOption::correct)) {
            throw new IllegalArgumentException("no right answer: mark one with '=' or give weights with %…%");
        }
        return new MultipleResponse(info, options);
    }

    private Question shortText(int line, QuestionInfo info, List<GiftAnswer> answers) {
        List<ShortText.Accepted> accepted = new ArrayList<>();
        for (GiftAnswer answer : answers) {
            double fraction = answer.weightPercent() == null ? 1 : answer.weightPercent() / 100;
            String text = GiftText.clean(answer.text());
            if (fraction <= 0 || text.equals("*")) {
                warnings.add(new ImportIssue(line, "question " + info.id() + ": the answer '" + text
                        + "' worth " + Math.round(fraction * 100) + "% was left out (only answers that earn points"
                        + " are kept)"));
                continue;
            }
            accepted.add(new ShortText.Accepted(text, Math.min(1, fraction), localized(feedback(answer))));
        }
        return new ShortText(info, accepted);
    }

    private Question numeric(int line, QuestionInfo info, String body) {
        List<GiftAnswer> answers = GiftAnswer.splitWithLeading(body);
        List<Numeric.Accepted> accepted = new ArrayList<>();
        for (GiftAnswer answer : answers) {
            String spec = GiftText.clean(answer.text());
            if (!answer.right() || spec.isEmpty()) {
                warnings.add(new ImportIssue(line, "question " + info.id()
                        + ": feedback for other answers was left out: " + GiftText.clean(String.valueOf(answer.feedback()))));
                continue;
            }
            double fraction = answer.weightPercent() == null ? 1 : answer.weightPercent() / 100;
            if (fraction <= 0) {
                warnings.add(new ImportIssue(line, "question " + info.id() + ": the answer " + spec
                        + " worth 0% was left out"));
                continue;
            }
            accepted.add(numericAnswer(spec, Math.min(1, fraction), localized(feedback(answer))));
        }
        return new Numeric(info, accepted);
    }

    private static Numeric.Accepted numericAnswer(String spec, double fraction, LocalizedText feedback) {
        try {
            int range = spec.indexOf("..");
            if (range > 0) {
                return new Numeric.Range(Double.parseDouble(spec.substring(0, range).strip()),
                        Double.parseDouble(spec.substring(range + 2).strip()), fraction, feedback);
            }
            String[] parts = spec.split(":", 2);
            double tolerance = parts.length > 1 ? Double.parseDouble(parts[1].strip()) : 0;
            return new Numeric.Exact(Double.parseDouble(parts[0].strip()), tolerance, fraction, feedback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "' is not a number, a number:tolerance or a min..max range");
        }
    }

    private Question matching(QuestionInfo info, List<GiftAnswer> answers) {
        List<Question.Choice> left = new ArrayList<>();
        Map<String, String> rightIdsByText = new LinkedHashMap<>();
        Map<String, String> pairs = new LinkedHashMap<>();
        for (GiftAnswer answer : answers) {
            int arrow = GiftText.indexOfUnescaped(answer.text(), "->", 0);
            if (!answer.right() || arrow < 0) {
                throw new IllegalArgumentException("every answer of a matching question is '=left -> right'");
            }
            String leftText = GiftText.clean(answer.text().substring(0, arrow));
            String rightText = GiftText.clean(answer.text().substring(arrow + 2));
            String rightId = rightIdsByText.computeIfAbsent(rightText, t -> "r" + (rightIdsByText.size() + 1));
            if (!leftText.isEmpty()) {
                String leftId = "l" + (left.size() + 1);
                left.add(new Question.Choice(leftId, localized(leftText)));
                pairs.put(leftId, rightId);
            }
        }
        List<Question.Choice> right = rightIdsByText.entrySet().stream()
                .map(entry -> new Question.Choice(entry.getValue(), localized(entry.getKey())))
                .toList();
        return new Matching(info, left, right, pairs);
    }

    private static String feedback(GiftAnswer answer) {
        return answer.feedback() == null ? null : GiftText.clean(answer.feedback());
    }

    private LocalizedText localized(String text) {
        return text == null || text.isBlank() ? LocalizedText.empty() : LocalizedText.of(language, text);
    }

    private static String optionId(int index) {
        return index < 26 ? String.valueOf((char) ('a' + index)) : "o" + (index + 1);
    }

    /** An id from the title (lowercase letters, digits, hyphens), or q1, q2 …; unique within the file. */
    private String idFor(String title) {
        String base = title == null ? ""
                : java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD)
                        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (base.isEmpty()) {
            base = "q" + (questions.size() + skipped.size() + 1);
        }
        String id = base;
        for (int n = 2; !ids.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** One blank-line-separated piece of the file, without comment lines, and the line it starts on. */
    record Chunk(int line, String text) {

        static List<Chunk> split(String gift) {
            List<Chunk> chunks = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            int start = 0;
            String[] lines = gift.replace("\uFEFF", "").split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.strip().startsWith("//")) {
                    continue;
                }
                if (line.isBlank()) {
                    if (!current.isEmpty()) {
                        chunks.add(new Chunk(start, current.toString()));
                        current.setLength(0);
                    }
                    continue;
                }
                if (current.isEmpty()) {
                    start = i + 1;
                } else {
                    current.append('\n');
                }
                current.append(line);
            }
            if (!current.isEmpty()) {
                chunks.add(new Chunk(start, current.toString()));
            }
            return chunks;
        }
    }
}
