package org.kydp.quiz.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Matching;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.model.SingleChoice;

class CsvQuizReaderTest {

    private static final String BILINGUAL = """
            id,type,text.en,text.hi,options.en,options.hi,answer,explanation.en,explanation.hi,source,points,tags
            emergency,single_choice,"Which number, in an emergency?","आपातकाल में कौन-सा नंबर?",1098|112|1930,1098 नंबर|112 नंबर|1930 नंबर,b,"112 is the one, for every emergency.",112 हर आपात स्थिति के लिए है।,India Today,5,helplines|112
            never-share,multiple_response,Never share?,कभी साझा न करें?,OTP|PIN|Your city,ओटीपी|पिन|अपना शहर,a|b,,,,,
            mha,true_false,Delhi Police reports to the MHA.,दिल्ली पुलिस गृह मंत्रालय के अधीन है।,,,true,,,,,
            motto,short_text,First word of the motto?,आदर्श वाक्य का पहला शब्द?,,,शांति|Shanti,,,,,
            cyber,numeric,Cyber fraud helpline?,साइबर ठगी हेल्पलाइन?,,,1930|1900..1999,,,,,
            steps,ordering,Order the steps.,कदम क्रम में लगाएँ।,Call 1930|Complain online,1930 पर कॉल|ऑनलाइन शिकायत,,,,,,
            pairs,matching,Match.,मिलान करें।,Childline -> 1098|Cyber -> 1930| -> 1091,चाइल्डलाइन -> 1098|साइबर -> 1930| -> 1091,,,,,,
            topic,poll,Next topic?,अगला विषय?,Cyber|Road,साइबर|सड़क,,,,,,
            """;

    @Test
    void reads_every_type_from_a_bilingual_csv_with_quoted_fields() {
        ImportResult result = CsvQuizReader.read(BILINGUAL, "en");

        assertThat(result.skipped()).isEmpty();
        assertThat(result.questions()).extracting(Question::type).containsExactly(QuestionType.SINGLE_CHOICE,
                QuestionType.MULTIPLE_RESPONSE, QuestionType.TRUE_FALSE, QuestionType.SHORT_TEXT,
                QuestionType.NUMERIC, QuestionType.ORDERING, QuestionType.MATCHING, QuestionType.POLL);
        SingleChoice emergency = (SingleChoice) result.questions().get(0);
        assertThat(emergency.text().in("hi", "en")).isEqualTo("आपातकाल में कौन-सा नंबर?");
        assertThat(emergency.text().in("en", "en")).isEqualTo("Which number, in an emergency?");
        assertThat(emergency.options().get(1).text().in("hi", "en")).isEqualTo("112 नंबर");
        assertThat(emergency.correctAnswer()).contains(new Answer.Choice("b"));
        assertThat(emergency.explanation().in("en", "en")).isEqualTo("112 is the one, for every emergency.");
        assertThat(emergency.points()).isEqualTo(5);
        assertThat(emergency.info().tags()).containsExactly("helplines", "112");
        assertThat(result.questions().get(1).correctAnswer()).contains(Answer.Choices.of("a", "b"));
        assertThat(result.questions().get(3).grade(new Answer.Text(" शांति ")).correct()).isTrue();
        assertThat(result.questions().get(4).grade(new Answer.Number(1950)).fraction()).isEqualTo(1.0);
        Matching pairs = (Matching) result.questions().get(6);
        assertThat(pairs.right()).hasSize(3);
        assertThat(pairs.pairs()).isEqualTo(Map.of("l1", "r1", "l2", "r2"));
    }

    @Test
    void a_bad_row_is_skipped_with_its_line_and_the_reason_and_the_others_are_read() {
        String csv = """
                type,text,options,answer
                single_choice,No right option,a|b,
                single_choice,"A text
                over two lines",x|y,a
                true_false,Maybe?,,perhaps
                numeric,How many?,,three
                """;

        ImportResult result = CsvQuizReader.read(csv, "en");

        assertThat(result.questions()).extracting(q -> q.text().in("en", "en"))
                .containsExactly("A text\nover two lines");
        assertThat(result.skipped()).extracting(ImportIssue::line).containsExactly(2, 5, 6);
        assertThat(result.skipped().get(0).reason()).contains("exactly one option must be correct");
    }

    @Test
    void a_missing_translation_is_reported_for_its_row() {
        String csv = "type,text.en,text.hi,answer\ntrue_false,Helmets save lives.,,true\n";

        ImportResult result = CsvQuizReader.read(csv, "en");

        assertThat(result.skipped()).singleElement()
                .satisfies(issue -> assertThat(issue.reason()).contains("text.hi: missing translation"));
    }

    @Test
    void a_language_column_must_name_a_language_code() {
        assertThatThrownBy(() -> CsvQuizReader.read("type,text.English,answer\ntrue_false,Yes?,true\n", "en"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("text.English");
    }

    @Test
    void text_that_is_not_csv_is_refused() {
        assertThatThrownBy(() -> CsvQuizReader.read("type,text\n\"unclosed,quote\n", "en"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("not valid CSV");
        assertThat(CsvQuizReader.read("type,text\n", "en").questions()).isEmpty();
    }
}
