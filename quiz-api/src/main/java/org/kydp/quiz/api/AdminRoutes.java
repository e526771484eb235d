package org.kydp.quiz.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.admin.QuizAdministration;
import org.kydp.quiz.admin.QuizAdministration.QuizEntry;
import org.kydp.quiz.content.CsvQuizReader;
import org.kydp.quiz.content.ImportIssue;
import org.kydp.quiz.content.ImportResult;
import org.kydp.quiz.content.OpenTriviaReader;
import org.kydp.quiz.content.QuizDocumentReader;
import org.kydp.quiz.content.QuizDocumentWriter;
import org.kydp.quiz.content.gift.GiftReader;
import org.kydp.quiz.content.gift.GiftWriter;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;

/** Administration of quizzes with the admin token: create, read, edit, delete, publish, import, export. */
final class AdminRoutes {

    private static final String BASE = "/api/v1/admin";

    private final QuizAdministration admin;
    private final AdminAuth auth;
    private final ObjectMapper json;
    /** The same mapper without duplicate detection, to tell a body with a repeated key from one that is not JSON. */
    private final ObjectMapper anyKeys;

    AdminRoutes(QuizEngine engine, AdminAuth auth, ObjectMapper json) {
        this.admin = engine.administration();
        this.auth = auth;
        this.json = json;
        this.anyKeys = json.copy().disable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    record QuizBody(String id, int version, boolean published, int questionCount, String title) {
        static QuizBody of(QuizEntry entry) {
            Quiz quiz = entry.quiz();
            return new QuizBody(quiz.id(), quiz.version(), entry.published(), quiz.questions().size(),
                    quiz.title().in(quiz.defaultLanguage(), quiz.defaultLanguage()));
        }
    }

    record ImportBody(String quizId, int version, int imported, List<ImportIssue> skipped,
                      List<ImportIssue> warnings) {
    }

    void register(RoutesConfig routes) {
        routes.before(BASE + "/*", auth::require);
        routes.get(BASE + "/quizzes", ctx -> ctx.json(admin.list().stream().map(QuizBody::of).toList()));
        routes.post(BASE + "/quizzes", this::create);
        routes.get(BASE + "/quizzes/{quizId}", this::get);
        routes.put(BASE + "/quizzes/{quizId}", this::update);
        routes.delete(BASE + "/quizzes/{quizId}", ctx -> {
            admin.delete(ctx.pathParam("quizId"));
            ctx.status(204);
        });
        routes.post(BASE + "/quizzes/{quizId}/publish", ctx -> ctx.json(QuizBody.of(admin.publish(ctx.pathParam("quizId")))));
        routes.post(BASE + "/quizzes/{quizId}/unpublish",
                ctx -> ctx.json(QuizBody.of(admin.unpublish(ctx.pathParam("quizId")))));
        routes.post(BASE + "/import", this::importFile);
        routes.get(BASE + "/quizzes/{quizId}/export", this::export);
    }

    private void create(Context ctx) {
        QuizEntry entry = admin.create(document(ctx));
        ctx.status(201).header("Location", BASE + "/quizzes/" + entry.quiz().id()).json(QuizBody.of(entry));
    }

    private void get(Context ctx) throws Exception {
        QuizEntry entry = entry(ctx);
        ObjectNode document = (ObjectNode) json.readTree(QuizDocumentWriter.write(entry.quiz()));
        document.put("published", entry.published());
        ctx.json(document);
    }

    private void update(Context ctx) {
        ctx.json(QuizBody.of(admin.update(ctx.pathParam("quizId"), document(ctx))));
    }

    private void importFile(Context ctx) {
        String format = ctx.queryParamAsClass("format", String.class).getOrDefault("json").toLowerCase(Locale.ROOT);
        String language = ctx.queryParamAsClass("lang", String.class).getOrDefault("en").toLowerCase(Locale.ROOT);
        if (!language.matches("[a-z]{2,3}")) {
            throw ValidationException.of("lang", "a language code such as en or hi");
        }
        String text = body(ctx);
        if (format.equals("json")) {
            Quiz quiz = QuizDocumentReader.read(parse(text));
            String quizId = ctx.queryParam("quizId");
            if (quizId != null && !quizId.equals(quiz.id())) {
                throw ValidationException.of("quizId", "the document's id is '" + quiz.id() + "'");
            }
            QuizEntry entry = admin.exists(quiz.id()) ? admin.update(quiz.id(), quiz) : admin.create(quiz);
            ctx.status(201).json(new ImportBody(quiz.id(), entry.quiz().version(), quiz.questions().size(), List.of(),
                    List.of()));
            return;
        }
        ImportResult result = switch (format) {
            case "gift" -> GiftReader.read(text, language);
            case "csv" -> CsvQuizReader.read(text, language);
            case "opentdb" -> OpenTriviaReader.read(text, language);
            default -> throw ValidationException.of("format", "must be json, gift, csv or opentdb");
        };
        String quizId = ctx.queryParam("quizId");
        if (quizId == null || quizId.isBlank()) {
            throw ValidationException.of("quizId", "is required to import " + format);
        }
        if (result.questions().isEmpty()) {
            throw new ValidationException(result.skipped().isEmpty()
                    ? List.of(new org.kydp.quiz.error.FieldError("body", "the file has no questions"))
                    : result.skipped().stream()
                            .map(issue -> new org.kydp.quiz.error.FieldError("line " + issue.line(), issue.reason()))
                            .toList());
        }
        List<String> languages = languagesOf(result.questions(), language);
        String title = ctx.queryParamAsClass("title", String.class).getOrDefault(quizId);
        QuizEntry entry = admin.importQuestions(quizId, titleIn(languages, title), languages, result.questions());
        ctx.status(201).json(new ImportBody(quizId, entry.quiz().version(), result.questions().size(),
                result.skipped(), result.warnings()));
    }

    private QuizEntry entry(Context ctx) {
        String quizId = ctx.pathParam("quizId");
        return admin.get(quizId).orElseThrow(() -> NotFoundException.quiz(quizId));
    }

    private void export(Context ctx) {
        Quiz quiz = entry(ctx).quiz();
        String format = ctx.queryParamAsClass("format", String.class).getOrDefault("json").toLowerCase(Locale.ROOT);
        switch (format) {
            case "json" -> ctx.contentType("application/json")
                    .header("Content-Disposition", "attachment; filename=\"" + quiz.id() + ".json\"")
                    .result(QuizDocumentWriter.write(quiz));
            case "gift" -> {
                String language = ctx.queryParamAsClass("lang", String.class).getOrDefault(quiz.defaultLanguage());
                GiftWriter.Export export = GiftWriter.write(quiz, language);
                ctx.contentType("text/plain; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"" + quiz.id() + ".gift.txt\"")
                        .header("X-Left-Out", String.valueOf(export.leftOut().size()))
                        .result(export.gift());
            }
            default -> throw ValidationException.of("format", "must be json or gift");
        }
    }

    private static List<String> languagesOf(List<Question> questions, String fallback) {
        List<String> languages = questions.get(0).text().languages().stream().sorted((a, b) ->
                a.equals(fallback) ? -1 : b.equals(fallback) ? 1 : a.compareTo(b)).toList();
        return languages.isEmpty() ? List.of(fallback) : languages;
    }

    private static LocalizedText titleIn(List<String> languages, String title) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        languages.forEach(language -> values.put(language, title));
        return new LocalizedText(values);
    }

    /**
     * A quiz document: 400 if the body is not JSON at all, 422 with every problem if it is not a valid quiz (an
     * unknown field or a repeated key among them, each with its path).
     */
    private Quiz document(Context ctx) {
        return QuizDocumentReader.read(parse(body(ctx)));
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            if (!isRepeatedKey(e)) {
                throw malformed(e);
            }
        }
        try {
            anyKeys.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw malformed(e);
        }
        QuizDocumentReader.read(text); // JSON, but a key is repeated: 422 with the path of each repeated key
        throw new IllegalStateException("the quiz document reader accepted a repeated key");
    }

    private static MalformedBodyException malformed(com.fasterxml.jackson.core.JsonProcessingException e) {
        return new MalformedBodyException("The body is not valid JSON" + (e.getLocation() == null ? "."
                : " (error at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                        + ")."));
    }

    /** Whether Jackson's duplicate detection stopped reading the body at a key given twice in one object. */
    private static boolean isRepeatedKey(com.fasterxml.jackson.core.JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field '");
    }

    private static String body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw new MalformedBodyException("The request body is empty; send the quiz file.");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
