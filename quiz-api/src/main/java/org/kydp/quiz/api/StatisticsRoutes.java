package org.kydp.quiz.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.stats.QuestionStatistics;
import org.kydp.quiz.stats.QuizStatistics;
import org.kydp.quiz.stats.StatisticsCsv;
import org.kydp.quiz.stats.StatsQuery;

/**
 * Statistics for quiz owners, behind the admin token (the admin routes' guard covers them): a quiz's figures as JSON
 * or CSV, and a live session's per-question figures.
 */
final class StatisticsRoutes {

    private static final String BASE = "/api/v1/admin";

    private final QuizEngine engine;

    StatisticsRoutes(QuizEngine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig routes) {
        routes.get(BASE + "/quizzes/{quizId}/stats", this::quiz);
        routes.get(BASE + "/live-sessions/{id}/stats", ctx -> ctx.json(Map.of(
                "sessionId", ctx.pathParam("id"),
                "questions", engine.statistics().liveSession(ctx.pathParam("id")).stream()
                        .map(StatisticsRoutes::question).toList())));
    }

    private void quiz(Context ctx) {
        StatsQuery query = new StatsQuery(date(ctx, "from"), date(ctx, "to"), version(ctx));
        String quizId = ctx.pathParam("quizId");
        QuizStatistics stats = engine.statistics().quiz(quizId, query);
        if (wantsCsv(ctx)) {
            Quiz quiz = engine.administration().get(quizId).orElseThrow(() -> NotFoundException.quiz(quizId)).quiz();
            String language = Optional.ofNullable(ctx.queryParam("lang")).orElse(quiz.defaultLanguage());
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + quizId + "-stats.csv\"")
                    .result(StatisticsCsv.write(stats, language, quiz.defaultLanguage()));
            return;
        }
        ctx.json(body(stats));
    }

    private static boolean wantsCsv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ValidationException.of("format", "must be json or csv");
            };
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/csv") && !accept.contains("application/json");
    }

    private static Optional<LocalDate> date(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            throw ValidationException.of(name, "must be a date such as 2026-12-03, not \"" + raw + "\"");
        }
    }

    private static OptionalInt version(Context ctx) {
        String raw = ctx.queryParam("version");
        if (raw == null || raw.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(raw.strip()));
        } catch (NumberFormatException e) {
            throw ValidationException.of("version", "must be a whole number of 1 or more");
        }
    }

    static Map<String, Object> body(QuizStatistics stats) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quizId", stats.quizId());
        body.put("version", stats.version().isPresent() ? stats.version().getAsInt() : null);
        body.put("from", stats.from().map(LocalDate::toString).orElse(null));
        body.put("to", stats.to().map(LocalDate::toString).orElse(null));
        body.put("attempts", Map.of("started", stats.started(), "finished", stats.finished()));
        body.put("players", stats.players());
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("mean", number(stats.score().mean()));
        score.put("median", number(stats.score().median()));
        score.put("sd", number(stats.score().sd()));
        score.put("max", stats.score().maxScore());
        score.put("histogram", stats.score().histogram().stream().map(bin -> Map.of("from", bin.from(),
                "to", bin.to(), "count", bin.attempts())).toList());
        body.put("score", score);
        Map<String, Object> duration = new LinkedHashMap<>();
        duration.put("median", number(stats.medianDurationMs()));
        body.put("durationMs", duration);
        body.put("perDay", stats.perDay().stream().map(day -> Map.of("date", day.date().toString(),
                "started", day.started(), "finished", day.finished())).toList());
        body.put("questions", stats.questions().stream().map(StatisticsRoutes::question).toList());
        return body;
    }

    static Map<String, Object> question(QuestionStatistics q) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("questionId", q.questionId());
        body.put("type", q.type().wireName());
        body.put("text", q.text().values());
        body.put("attempts", q.attempts());
        body.put("served", q.served());
        body.put("answered", q.answered());
        body.put("skipped", q.skipped());
        body.put("timedOut", q.timedOut());
        body.put("facility", number(q.facility()));
        body.put("discrimination", number(q.discrimination()));
        body.put("meanTimeMs", number(q.meanTimeMs()));
        body.put("fullyRight", number(q.fullyRight()));
        body.put("options", q.options().stream().map(o -> Map.of("id", o.id(), "text", o.text().values(),
                "right", o.right(), "chosen", o.chosen())).toList());
        body.put("topWrongAnswers", q.topWrongAnswers().stream().map(a -> Map.of("text", a.text(),
                "count", a.count())).toList());
        body.put("items", q.items().stream().map(i -> Map.of("id", i.id(), "text", i.text().values(),
                "right", i.right())).toList());
        body.put("flags", q.flags().stream().map(flag -> flag.name().toLowerCase(Locale.ROOT)).sorted().toList());
        return body;
    }

    private static Double number(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static Long number(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
