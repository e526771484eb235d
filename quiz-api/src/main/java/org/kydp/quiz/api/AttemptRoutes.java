package org.kydp.quiz.api;

import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.attempt.AnswerResult;
import org.kydp.quiz.attempt.AttemptSummary;
import org.kydp.quiz.attempt.FinishResult;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.error.AttemptFinishedException;
import org.kydp.quiz.error.DeadlinePassedException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.AttemptStatus;
import org.kydp.quiz.model.Player;

/** Playing: start an attempt, read it, get the current question, answer, finish. All need a player token. */
final class AttemptRoutes {

    private final QuizEngine engine;
    private final Requests requests;
    private final RateLimiter limiter;

    AttemptRoutes(QuizEngine engine, Requests requests, RateLimiter limiter) {
        this.engine = engine;
        this.requests = requests;
        this.limiter = limiter;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/quizzes/{quizId}/attempts", this::start);
        routes.get("/api/v1/attempts/{attemptId}", this::get);
        routes.get("/api/v1/attempts/{attemptId}/question", this::question);
        routes.put("/api/v1/attempts/{attemptId}/answers/{questionId}", this::answer);
        routes.post("/api/v1/attempts/{attemptId}/finish", this::finish);
    }

    private void start(Context ctx) {
        Player player = requests.player(ctx);
        limiter.take(ctx);
        AttemptSummary attempt = engine.startAttempt(player.id(), ctx.pathParam("quizId"));
        ctx.status(201)
                .header("Location", "/api/v1/attempts/" + attempt.id())
                .json(Representations.attempt(attempt));
    }

    private void get(Context ctx) {
        Player player = requests.player(ctx);
        ctx.json(Representations.attempt(engine.attempt(player.id(), ctx.pathParam("attemptId"))));
    }

    private void question(Context ctx) {
        Player player = requests.player(ctx);
        String attemptId = ctx.pathParam("attemptId");
        Optional<QuestionView> question = engine.currentQuestion(player.id(), attemptId);
        if (question.isEmpty()) {
            requireOpen(engine.attempt(player.id(), attemptId));
            ctx.status(204);
            return;
        }
        String language = Requests.language(ctx, question.get().languages());
        ctx.json(Representations.question(question.get(), language));
    }

    /** A finished or expired attempt has no current question: the API refuses to serve one, as it always has. */
    private static void requireOpen(AttemptSummary attempt) {
        if (attempt.status() == AttemptStatus.FINISHED) {
            throw new AttemptFinishedException("attempt " + attempt.id() + " is finished");
        }
        if (attempt.status() == AttemptStatus.EXPIRED) {
            throw new DeadlinePassedException("the time limit of attempt " + attempt.id() + " has passed");
        }
    }

    private void answer(Context ctx) {
        Player player = requests.player(ctx);
        Answer answer = AnswerBodies.parse(requests.objectBody(ctx));
        AnswerResult result = engine.answer(player.id(), ctx.pathParam("attemptId"), ctx.pathParam("questionId"),
                answer);
        ctx.json(Representations.answer(result, Requests.language(ctx, result.languages())));
    }

    private void finish(Context ctx) {
        Player player = requests.player(ctx);
        FinishResult result = engine.finish(player.id(), ctx.pathParam("attemptId"));
        ctx.json(Representations.finish(result, Requests.language(ctx, result.languages())));
    }
}
