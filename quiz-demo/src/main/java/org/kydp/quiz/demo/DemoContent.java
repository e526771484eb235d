package org.kydp.quiz.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.content.QuizDocumentReader;
import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Quiz;

/** The Delhi Police quizzes the demo seeds, read from {@code quizzes/*.json} on the class path. */
public final class DemoContent {

    public static final List<String> QUIZ_FILES = List.of(
            "know-your-delhi-police.json",
            "emergency-helplines.json",
            "cyber-safety.json",
            "road-safety.json");

    private DemoContent() {
    }

    /** Reads every demo quiz; all problems in all files are reported together, each prefixed by its file. */
    public static List<Quiz> load() {
        return load("/quizzes/", QUIZ_FILES);
    }

    /** Reads these quiz files from this class-path folder; every problem of every file is reported at once. */
    static List<Quiz> load(String folder, List<String> files) {
        List<Quiz> quizzes = new ArrayList<>();
        List<FieldError> problems = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = DemoContent.class.getResourceAsStream(folder + file)) {
                if (in == null) {
                    problems.add(new FieldError(file, "missing from the class path"));
                    continue;
                }
                quizzes.add(QuizDocumentReader.read(in));
            } catch (ValidationException e) {
                e.errors().forEach(error -> problems.add(new FieldError(file + ": " + error.field(), error.message())));
            } catch (IOException e) {
                problems.add(new FieldError(file, "could not be read: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return quizzes;
    }

    /** Publishes every demo quiz; one whose content is unchanged since it was last seeded keeps its version. */
    public static void seed(QuizEngine engine) {
        load().forEach(engine::publishRevision);
    }
}
