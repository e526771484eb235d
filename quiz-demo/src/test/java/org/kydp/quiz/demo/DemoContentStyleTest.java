package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Matching;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Numeric;
import org.kydp.quiz.model.Option;
import org.kydp.quiz.model.Ordering;
import org.kydp.quiz.model.Poll;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.ShortText;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;
import org.kydp.quiz.model.WeightedOption;

/** The demo quizzes keep one Hindi style, and every explanation teaches more than the question and its answer. */
class DemoContentStyleTest {

    /** The quiz files whose Hindi keeps the style of {@link HindiStyle}. */
    private static final List<String> STYLED_QUIZ_FILES = DemoContent.QUIZ_FILES;

    private static final List<String> LANGUAGES = List.of("en", "hi");

    private static final String GOLDEN_HOUR = "गोल्डन आवर";
    private static final String GOLDEN_HOUR_MEANS = "ठगी के बाद का पहला घंटा";

    @Test
    void every_question_explains_in_both_languages_more_than_its_question_and_its_right_answer_say() {
        List<String> problems = new ArrayList<>();
        for (Quiz quiz : DemoContent.load()) {
            for (Question question : quiz.questions()) {
                for (String language : LANGUAGES) {
                    String explanation = in(question.explanation(), language);
                    List<String> said = new ArrayList<>();
                    said.add(in(question.text(), language));
                    said.addAll(rightAnswer(question, language));
                    repeated(explanation, said).ifPresent(text ->
                            problems.add(quiz.id() + ", " + question.id() + ", " + language + ": " + text));
                }
            }
        }
        assertThat(problems).as("explanations that teach nothing new").isEmpty();
    }

    @Test
    void an_explanation_that_is_missing_or_only_repeats_the_question_or_the_answer_is_caught() {
        List<String> said = List.of("Which is India's single emergency number?", "112");
        assertThat(repeated("", said)).contains("no explanation");
        assertThat(repeated(" 112. ", said)).contains("the explanation only repeats \"112\"");
        assertThat(repeated("India's single emergency number", said)).isPresent();
        assertThat(repeated("112 is one number for every emergency: there is only one to remember.", said)).isEmpty();
    }

    @Test
    void the_hindi_of_every_quiz_keeps_the_house_spelling_and_terms() throws IOException {
        List<String> slips = new ArrayList<>();
        for (String file : STYLED_QUIZ_FILES) {
            JsonNode quiz = quizDocument(file);
            hindiTexts(quiz).forEach(text ->
                    HindiStyle.slips(text.text()).forEach(slip -> slips.add(text.where() + ": " + slip)));
        }
        assertThat(slips).as("Hindi out of style (quiz, question, field: word)").isEmpty();
    }

    @Test
    void a_quiz_says_what_the_golden_hour_is_where_it_first_names_it() throws IOException {
        for (String file : STYLED_QUIZ_FILES) {
            hindiTexts(quizDocument(file)).filter(text -> text.text().contains(GOLDEN_HOUR)).findFirst()
                    .ifPresent(first -> assertThat(first.text()).as(first.where()).contains(GOLDEN_HOUR_MEANS));
        }
    }

    @Test
    void the_web_pages_own_strings_keep_the_same_style() throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(Path.of("src/main/resources/web"))) {
            files = paths.filter(path -> path.toString().endsWith(".html") || path.toString().endsWith(".js"))
                    .sorted().toList();
        }
        assertThat(files).extracting(Path::toString).anyMatch(path -> path.endsWith("i18n.js"))
                .anyMatch(path -> path.endsWith("stats.html"));
        for (Path file : files) {
            assertThat(HindiStyle.slips(Files.readString(file))).as(file.toString()).isEmpty();
        }
    }

    @Test
    void the_style_check_finds_the_other_spellings_and_the_english_loans_and_passes_the_house_style() {
        assertThat(HindiStyle.slips("ज़्यादा ज़रूरत, फ़र्ज़ी \u095Bरूरी क्विज़ — हाँ, पहुँच"))
                .extracting(HindiStyle.Slip::write)
                .containsExactly("ज्यादा", "जरूरत", "फर्जी", "जरूरी", "क्विज", "हां", "पहुंच");
        assertThat(HindiStyle.slips("मैसेज, मैपों, कस्टम्स, पेमेंट, कस्टमर केयर, मेडिकल इमरजेंसी, ऑथेंटिकेशन"))
                .extracting(HindiStyle.Slip::write)
                .containsExactly("संदेश", "नक्शा", "सीमा शुल्क", "भुगतान", "ग्राहक सेवा", "आपात स्थिति", "प्रमाणीकरण");
        assertThat(HindiStyle.slips("24×7 हेल्पलाइन, 24 घंटे चलने वाली, ‘शराब पीकर ड्राइविंग’"))
                .extracting(HindiStyle.Slip::write)
                .containsExactly("चौबीसों घंटे", "चौबीसों घंटे चलने", "शराब पीकर गाड़ी चलाना");
        assertThat(HindiStyle.slips("सड़क पर गाड़ी धीमी करें, ज्यादा जरूरत हो तो फोन करें। हां, 24 घंटे के भीतर "
                + "cybercrime.gov.in पर शिकायत पूरी करें; ग्राहक सेवा का नक्शा, सीमा शुल्क, ड्राइविंग लाइसेंस।")).isEmpty();
    }

    /** A Hindi text of a quiz document and where it is: the quiz, the question if any, and the field. */
    private record HindiText(String where, String text) {
    }

    /** Every Hindi text of a quiz document, in the order of the document. */
    private static Stream<HindiText> hindiTexts(JsonNode quiz) {
        List<HindiText> texts = new ArrayList<>();
        String quizId = quiz.path("id").asText();
        for (Iterator<Map.Entry<String, JsonNode>> fields = quiz.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("questions")) {
                for (JsonNode question : field.getValue()) {
                    collectHindi(question, quizId + ", " + question.path("id").asText() + ", ", "", texts);
                }
            } else {
                collectHindi(field.getValue(), quizId + ", ", field.getKey(), texts);
            }
        }
        return texts.stream();
    }

    private static void collectHindi(JsonNode node, String prefix, String path, List<HindiText> texts) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("hi") && field.getValue().isTextual()) {
                    texts.add(new HindiText(prefix + path, field.getValue().asText()));
                } else {
                    collectHindi(field.getValue(), prefix, path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                            texts);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectHindi(node.get(i), prefix, path + "[" + i + "]", texts);
            }
        }
    }

    private static JsonNode quizDocument(String file) throws IOException {
        try (InputStream in = DemoContent.class.getResourceAsStream("/quizzes/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    /** What is wrong with an explanation that is missing or a part of what the player was already told, if it is. */
    private static Optional<String> repeated(String explanation, List<String> said) {
        if (comparable(explanation).isEmpty()) {
            return Optional.of("no explanation");
        }
        return said.stream().filter(text -> comparable(text).contains(comparable(explanation))).findFirst()
                .map(text -> "the explanation only repeats \"" + text + "\"");
    }

    /** What a player who answered right has been told: the right options, the accepted answers, the items. */
    private static List<String> rightAnswer(Question question, String language) {
        List<String> texts = new ArrayList<>();
        if (question instanceof SingleChoice choice) {
            choice.options().stream().filter(Option::correct).forEach(option -> texts.add(in(option.text(), language)));
        } else if (question instanceof MultipleResponse response) {
            response.options().stream().filter(WeightedOption::correct)
                    .map(WeightedOption::text).forEach(text -> texts.add(in(text, language)));
        } else if (question instanceof TrueFalse trueFalse) {
            texts.addAll(trueFalse.answer() ? List.of("True", "सही", "सत्य") : List.of("False", "गलत", "असत्य"));
        } else if (question instanceof ShortText shortText) {
            shortText.accepted().forEach(accepted -> texts.add(accepted.text()));
        } else if (question instanceof Numeric numeric) {
            numeric.accepted().stream().filter(Numeric.Exact.class::isInstance).map(Numeric.Exact.class::cast)
                    .forEach(exact -> texts.add(number(exact.value())));
        } else if (question instanceof Ordering ordering) {
            ordering.items().forEach(item -> texts.add(in(item.text(), language)));
        } else if (question instanceof Matching matching) {
            Stream.concat(matching.left().stream(), matching.right().stream())
                    .forEach(side -> texts.add(in(side.text(), language)));
        } else if (!(question instanceof Poll)) {
            throw new AssertionError("no right answer known for " + question.type());
        }
        return texts;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String in(LocalizedText text, String language) {
        return text.values().getOrDefault(language, "");
    }

    /** Case, spacing and the punctuation around a text do not make it say more. */
    private static String comparable(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .replaceAll("^[\\s\\p{P}।]+|[\\s\\p{P}।]+$", "");
    }
}
