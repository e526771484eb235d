package org.kydp.quiz.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A quiz: localised title and description, tags, rules and questions. Immutable; an edit is a new
 * version.
 */
public record Quiz(
        String id,
        int version,
        String defaultLanguage,
        List<String> languages,
        LocalizedText title,
        LocalizedText description,
        List<String> tags,
        QuizRules rules,
        List<Question> questions) {

    public Quiz {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rules, "rules");
        languages = List.copyOf(languages);
        description = description == null ? LocalizedText.empty() : description;
        tags = List.copyOf(tags);
        questions = List.copyOf(questions);
        if (version < 1) {
            throw new IllegalArgumentException("quiz " + id + ": version starts at 1, got " + version);
        }
        if (!languages.contains(defaultLanguage)) {
            throw new IllegalArgumentException("quiz " + id + ": default language " + defaultLanguage
                    + " is not among its languages " + languages);
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("quiz " + id + ": needs at least one question");
        }
        if (new HashSet<>(questions.stream().map(Question::id).toList()).size() != questions.size()) {
            throw new IllegalArgumentException("quiz " + id + ": question ids must be unique");
        }
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public int maxScore() {
        return questions.stream().mapToInt(Question::points).sum();
    }

    public Quiz withVersion(int newVersion) {
        return new Quiz(id, newVersion, defaultLanguage, languages, title, description, tags, rules, questions);
    }

    public Quiz withRules(QuizRules newRules) {
        return new Quiz(id, version, defaultLanguage, languages, title, description, tags, newRules, questions);
    }
}
