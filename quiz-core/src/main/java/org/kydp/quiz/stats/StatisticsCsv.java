package org.kydp.quiz.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The statistics of a quiz as CSV, one row per question: UTF-8 with a byte-order mark, so that spreadsheet programs
 * read Hindi as Hindi. Lists within a cell (options, wrong answers, items) are "id: count" pairs separated by "; ",
 * a right option marked with a star.
 */
public final class StatisticsCsv {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("question_id", "type", "text", "attempts", "served", "answered",
            "skipped", "timed_out", "facility", "discrimination", "mean_time_ms", "fully_right", "options",
            "top_wrong_answers", "items", "flags");

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private StatisticsCsv() {
    }

    /** The rows of the quiz's questions, their texts in {@code language} (or the quiz's default language). */
    public static String write(QuizStatistics statistics, String language, String defaultLanguage) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (QuestionStatistics q : statistics.questions()) {
            rows.add(List.of(q.questionId(), q.type().wireName(), q.text().in(language, defaultLanguage),
                    Long.toString(q.attempts()), Long.toString(q.served()), Long.toString(q.answered()),
                    Long.toString(q.skipped()), Long.toString(q.timedOut()), decimal(q.facility()),
                    decimal(q.discrimination()), whole(q.meanTimeMs()), decimal(q.fullyRight()),
                    q.options().stream().map(o -> o.id() + (o.right() ? "*" : "") + ": " + o.chosen())
                            .collect(Collectors.joining("; ")),
                    q.topWrongAnswers().stream().map(a -> a.text() + ": " + a.count())
                            .collect(Collectors.joining("; ")),
                    q.items().stream().map(i -> i.id() + ": " + i.right()).collect(Collectors.joining("; ")),
                    q.flags().stream().map(flag -> flag.name().toLowerCase(Locale.ROOT)).sorted()
                            .collect(Collectors.joining("; "))));
        }
        try {
            return BYTE_ORDER_MARK + new CsvMapper().writer(schema.build()).writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decimal(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4f", value.getAsDouble()) : "";
    }

    private static String whole(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "";
    }
}
