package org.kydp.quiz.content;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.kydp.quiz.content.internal.Fields;
import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.model.Question;

/** Reads single questions in the native JSON form, for importers that translate other formats into it. */
final class QuestionDocuments {

    private QuestionDocuments() {
    }

    /**
     * The question, or an {@link IllegalArgumentException} listing every problem ("options: exactly one
     * option must be correct, found 0; text.hi: missing translation").
     */
    static Question read(JsonNode question, List<String> languages) {
        Fields fields = new Fields(languages);
        Question read = new QuestionReader(fields).read(question, "");
        if (read == null || !fields.errors().isEmpty()) {
            throw new IllegalArgumentException(fields.errors().stream().map(FieldError::toString)
                    .collect(Collectors.joining("; ")));
        }
        return read;
    }
}
