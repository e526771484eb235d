package org.kydp.quiz.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.leaderboard.AroundMe;
import org.kydp.quiz.leaderboard.LeaderboardPage;
import org.kydp.quiz.leaderboard.Page;
import org.kydp.quiz.leaderboard.Window;
import org.kydp.quiz.model.Player;

/** Leaderboards: a page of the ranking, and a player's own place in it. */
final class LeaderboardRoutes {

    private final QuizEngine engine;
    private final Requests requests;

    LeaderboardRoutes(QuizEngine engine, Requests requests) {
        this.engine = engine;
        this.requests = requests;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/quizzes/{quizId}/leaderboard", this::page);
        routes.get("/api/v1/quizzes/{quizId}/leaderboard/me", this::me);
    }

    private void page(Context ctx) {
        Window window = window(ctx);
        int limit = Requests.intQuery(ctx, "limit", 10, 1, 100);
        int offset = Requests.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        String quizId = ctx.pathParam("quizId");
        LeaderboardPage page = engine.leaderboard(quizId, window, Page.of(limit, offset));
        ctx.json(new Representations.LeaderboardBody(quizId, window.wireName(), page.total(), limit, offset,
                page.entries().stream().map(Representations::entry).toList()));
    }

    private void me(Context ctx) {
        Player player = requests.player(ctx);
        Window window = window(ctx);
        int around = Requests.intQuery(ctx, "around", 5, 0, 50);
        String quizId = ctx.pathParam("quizId");
        AroundMe me = engine.leaderboardAround(quizId, window, player.id(), around)
                .orElseThrow(() -> new NotFoundException("player " + player.id() + " is not ranked on quiz " + quizId
                        + " (" + window.wireName() + ")"));
        ctx.json(new Representations.AroundMeBody(quizId, window.wireName(), me.rank(), me.total(), me.percentile(),
                me.entries().stream().map(Representations::entry).toList()));
    }

    private static Window window(Context ctx) {
        String raw = ctx.queryParam("window");
        if (raw == null || raw.isBlank()) {
            return Window.ALL;
        }
        try {
            return Window.fromWireName(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("window", "must be all, day or week");
        }
    }
}
