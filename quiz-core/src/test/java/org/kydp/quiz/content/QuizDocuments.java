package org.kydp.quiz.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sample quiz documents under {@code src/test/resources/quizzes/}, as text or as a tree to edit. */
final class QuizDocuments {

    static final ObjectMapper JSON = new ObjectMapper();

    private QuizDocuments() {
    }

    static String text(String name) {
        try (InputStream in = QuizDocuments.class.getResourceAsStream("/quizzes/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource quizzes/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(String name) {
        try {
            return (ObjectNode) JSON.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at a JSON pointer such as {@code /questions/0/options/1}, to change in place. */
    static ObjectNode at(ObjectNode document, String pointer) {
        return (ObjectNode) document.at(pointer);
    }

    /** A JSON value written in JSON, for replacing parts of a document. */
    static com.fasterxml.jackson.databind.JsonNode json(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
