package org.kydp.quiz.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.attempt.Languages;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Quiz;

/** The public quiz catalogue: {@code GET /api/v1/quizzes} and {@code GET /api/v1/quizzes/{quizId}}. */
final class QuizRoutes {

    private final QuizEngine engine;

    QuizRoutes(QuizEngine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/quizzes", this::list);
        routes.get("/api/v1/quizzes/{quizId}", this::get);
    }

    private void list(Context ctx) {
        int limit = Requests.intQuery(ctx, "limit", 20, 1, 100);
        String tag = ctx.queryParam("tag");
        String after = decodeCursor(ctx.queryParam("cursor"));
        List<Quiz> matching = engine.quizzes().stream()
                .filter(quiz -> tag == null || tag.isBlank() || quiz.tags().contains(tag.strip()))
                .filter(quiz -> after == null || quiz.id().compareTo(after) > 0)
                .toList();
        List<Quiz> page = matching.subList(0, Math.min(limit, matching.size()));
        String requested = Requests.requestedLanguage(ctx);
        List<Representations.QuizSummary> items = page.stream()
                .map(quiz -> Representations.summary(quiz, languagesOf(quiz).choose(requested)))
                .toList();
        List<String> languages = items.stream().map(Representations.QuizSummary::language).distinct().toList();
        if (languages.size() == 1) {
            ctx.header("Content-Language", languages.get(0));
        }
        String next = matching.size() > page.size() ? encodeCursor(page.get(page.size() - 1).id()) : null;
        ctx.json(new Representations.QuizPage(items, next));
    }

    private void get(Context ctx) {
        String quizId = ctx.pathParam("quizId");
        Quiz quiz = engine.quiz(quizId).orElseThrow(() -> NotFoundException.quiz(quizId));
        ctx.json(Representations.detail(quiz, Requests.language(ctx, languagesOf(quiz))));
    }

    static Languages languagesOf(Quiz quiz) {
        return new Languages(quiz.defaultLanguage(), quiz.languages());
    }

    private static String encodeCursor(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("cursor", "is not a cursor this server issued");
        }
    }
}
