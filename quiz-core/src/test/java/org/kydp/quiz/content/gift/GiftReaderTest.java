package org.kydp.quiz.content.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.content.ImportIssue;
import org.kydp.quiz.content.ImportResult;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.Matching;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Numeric;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.model.ShortText;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;
import org.kydp.quiz.model.WeightedOption;

class GiftReaderTest {

    private static Question only(String gift) {
        ImportResult result = GiftReader.read(gift, "hi");
        assertThat(result.skipped()).isEmpty();
        assertThat(result.questions()).hasSize(1);
        return result.questions().get(0);
    }

    private static String hi(org.kydp.quiz.model.LocalizedText text) {
        return text.in("hi", "hi");
    }

    @Test
    void a_single_choice_keeps_its_title_feedback_and_partial_credit() {
        Question question = only("""
                ::आपातकालीन नंबर::भारत में आपातकाल में कौन-सा नंबर डायल करें?{
                  ~1098#यह चाइल्डलाइन है।
                  ~%50%100#पुराना नंबर, अब 112 पर जाता है।
                  =112#सही!
                ####112 एकल आपातकालीन नंबर है।}
                """);

        SingleChoice choice = (SingleChoice) question;
        assertThat(choice.id()).isEqualTo("q1");
        assertThat(hi(choice.text())).isEqualTo("भारत में आपातकाल में कौन-सा नंबर डायल करें?");
        assertThat(choice.correctAnswer()).contains(new Answer.Choice("c"));
        assertThat(hi(choice.options().get(0).feedback())).isEqualTo("यह चाइल्डलाइन है।");
        assertThat(choice.grade(new Answer.Choice("b")).fraction()).isEqualTo(0.5);
        assertThat(hi(choice.explanation())).isEqualTo("112 एकल आपातकालीन नंबर है।");
    }

    @Test
    void an_escaped_newline_keeps_its_line_break_while_a_wrapped_line_joins_with_a_space() {
        Question question = only("""
                Dial 112.\\nThen stay on
                   the line. {=Yes ~No ####Stay calm.\\nSpeak clearly.}""");

        assertThat(question.text().in("hi", "hi")).isEqualTo("Dial 112.\nThen stay on the line.");
        assertThat(question.explanation().in("hi", "hi")).isEqualTo("Stay calm.\nSpeak clearly.");
    }

    @Test
    void a_line_break_written_to_gift_reads_back_as_a_line_break() {
        Question original = only("Dial 112.\\nThen stay on the line.{TRUE}");
        Quiz quiz = new Quiz("q", 1, "hi", List.of("hi"), LocalizedText.of("hi", "Q"), null, List.of(),
                QuizRules.defaults(), List.of(original));

        String gift = GiftWriter.write(quiz, "hi").gift();

        assertThat(gift).contains("Dial 112.\\nThen stay on the line.");
        assertThat(only(gift).text().in("hi", "hi")).isEqualTo("Dial 112.\nThen stay on the line.");
    }

    @Test
    void a_title_in_latin_letters_becomes_the_question_id() {
        assertThat(only("::Cyber Helpline!::Which number? {=1930}").id()).isEqualTo("cyber-helpline");
    }

    @Test
    void weights_without_a_right_mark_make_a_multiple_response_question() {
        MultipleResponse question = (MultipleResponse) only("""
                Never share which? {~%50%OTP ~%50%PIN ~%-100%Your city#It is fine to share.}""");

        assertThat(question.options()).extracting(WeightedOption::weight).containsExactly(0.5, 0.5, -1.0);
        assertThat(question.correctAnswer()).contains(Answer.Choices.of("a", "b"));
        assertThat(question.options().get(2).feedback().in("hi", "hi")).isEqualTo("It is fine to share.");
    }

    @Test
    void true_false_takes_feedback_for_the_wrong_then_the_right_answer() {
        TrueFalse question = (TrueFalse) only("Delhi Police reports to the MHA.{TRUE#It does.#Right.}");

        assertThat(question.answer()).isTrue();
        assertThat(question.feedbackWhenWrong().in("hi", "hi")).isEqualTo("It does.");
        assertThat(question.feedbackWhenRight().in("hi", "hi")).isEqualTo("Right.");
        assertThat(((TrueFalse) only("The sun sets in the east.{F}")).answer()).isFalse();
    }

    @Test
    void short_answers_keep_their_partial_credit_and_drop_zero_credit_answers_with_a_warning() {
        ImportResult result = GiftReader.read("आदर्श वाक्य का पहला शब्द?{=शांति =%50%peace#अर्थ सही। =%0%*#नहीं}", "hi");

        ShortText question = (ShortText) result.questions().get(0);
        assertThat(question.accepted()).extracting(ShortText.Accepted::text).containsExactly("शांति", "peace");
        assertThat(question.grade(new Answer.Text("PEACE")).fraction()).isEqualTo(0.5);
        assertThat(result.warnings()).singleElement().satisfies(w -> assertThat(w.reason()).contains("'*'"));
    }

    @Test
    void numeric_answers_take_tolerances_ranges_and_several_answers() {
        Numeric exact = (Numeric) only("Cyber fraud helpline? {#1930}");
        Numeric tolerance = (Numeric) only("Pi? {#3.1415:0.0005}");
        Numeric range = (Numeric) only("Pi? {#3.141..3.142}");
        Numeric several = (Numeric) only("Year of the commissioner system? {#\n =1978:0 #Right.\n =%50%1978:2 #Close.\n}");

        assertThat(exact.grade(new Answer.Number(1930)).correct()).isTrue();
        assertThat(tolerance.grade(new Answer.Number(3.141)).correct()).isTrue();
        assertThat(tolerance.grade(new Answer.Number(3.14)).correct()).isFalse();
        assertThat(range.grade(new Answer.Number(3.1416)).correct()).isTrue();
        assertThat(several.grade(new Answer.Number(1979)).fraction()).isEqualTo(0.5);
        assertThat(several.grade(new Answer.Number(1978)).feedback().in("hi", "hi")).isEqualTo("Right.");
    }

    @Test
    void matching_pairs_left_with_right_and_keeps_unpaired_right_items() {
        Matching question = (Matching) only("""
                Match the helplines.{
                  =Childline -> 1098
                  =Cyber fraud -> 1930
                  = -> 1091
                }""");

        assertThat(question.left()).extracting(Question.Choice::id).containsExactly("l1", "l2");
        assertThat(question.right()).extracting(c -> c.text().in("hi", "hi")).containsExactly("1098", "1930", "1091");
        assertThat(question.pairs()).isEqualTo(Map.of("l1", "r1", "l2", "r2"));
    }

    @Test
    void escapes_and_format_prefixes_are_resolved() {
        SingleChoice question = (SingleChoice) only("""
                [html]Which <b>one</b> is not a control character?{
                  ~ \\~ # \\~ is one.
                  ~ \\= ~ \\# ~ \\{ ~ \\}
                  = \\\\ # [plain]Right: \\\\ only escapes.
                }""");

        assertThat(hi(question.text())).isEqualTo("Which one is not a control character?");
        assertThat(question.options()).extracting(o -> hi(o.text())).containsExactly("~", "=", "#", "{", "}", "\\");
        assertThat(hi(question.options().get(5).feedback())).isEqualTo("Right: \\ only escapes.");
    }

    @Test
    void a_block_mid_sentence_becomes_a_missing_word_blank() {
        assertThat(hi(only("Delhi Police was raised on {=16 February} every year.").text()))
                .isEqualTo("Delhi Police was raised on _____ every year.");
        assertThat(hi(only("Dial {~100 =112} in an emergency.").text())).isEqualTo("Dial _____ in an emergency.");
    }

    @Test
    void categories_become_tags_and_comments_are_ignored() {
        ImportResult result = GiftReader.read("""
                // road safety questions
                $CATEGORY: $course$/road-safety

                Helmets save lives.{T}

                $CATEGORY: cyber

                // a comment
                Share your OTP?{F}
                """, "en");

        assertThat(result.questions()).extracting(q -> q.info().tags())
                .containsExactly(List.of("$course$/road-safety"), List.of("cyber"));
    }

    @Test
    void what_cannot_be_represented_is_reported_with_its_line_and_nothing_else_is_lost() {
        ImportResult result = GiftReader.read("""
                Write an essay on road safety.{}

                A note with no answers at all.

                Two right marks.{=a =b ~c}

                Pi? {#three}

                Helmets save lives.{T}
                """, "en");

        assertThat(result.questions()).extracting(Question::type).containsExactly(QuestionType.TRUE_FALSE);
        assertThat(result.skipped()).extracting(ImportIssue::line).containsExactly(1, 3, 5, 7);
        assertThat(result.skipped()).extracting(ImportIssue::reason).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(result.skipped().get(0).reason()).contains("essay");
    }

    @Test
    void nothing_malformed_crashes_the_reader() {
        for (String gift : List.of("{", "}", "::", "::x", "{=", "x{~", "{#", "{#..}", "{=a->}", "\\", "{T#", "::t::{}",
                "$CATEGORY:", "{~%abc%x =y}", "{=%150%x}", "{~%-150%x =y}")) {
            ImportResult result = GiftReader.read(gift, "en");
            assertThat(result.questions().size() + result.skipped().size()).as(gift).isLessThanOrEqualTo(1);
        }
    }
}
