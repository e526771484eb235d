package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.model.QuestionType;

/** Rules the web player's files keep, checked on the sources; the browser tests check the behaviour. */
class WebPlayerSourcesTest {

    private static final Path WEB = Path.of("src/main/resources/web");

    private static List<Path> files(String extension) throws IOException {
        try (Stream<Path> paths = Files.walk(WEB)) {
            return paths.filter(path -> path.toString().endsWith(extension)).sorted().toList();
        }
    }

    @Test
    void every_page_declares_utf8_within_its_first_1024_bytes() throws IOException {
        assertThat(files(".html")).isNotEmpty().allSatisfy(page -> {
            byte[] bytes = Files.readAllBytes(page);
            String head = new String(bytes, 0, Math.min(1024, bytes.length), StandardCharsets.UTF_8);
            assertThat(head).as(page.toString()).containsIgnoringCase("<meta charset=\"utf-8\">");
        });
    }

    @Test
    void pages_have_no_inline_script_style_or_event_handler() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineStyle = Pattern.compile("<style|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        assertThat(files(".html")).allSatisfy(page -> {
            String html = Files.readString(page);
            assertThat(inlineScript.matcher(html).find()).as("inline script in %s", page).isFalse();
            assertThat(inlineStyle.matcher(html).find()).as("inline style in %s", page).isFalse();
            assertThat(handler.matcher(html).find()).as("event handler attribute in %s", page).isFalse();
        });
    }

    @Test
    void scripts_never_parse_text_as_html_or_code() throws IOException {
        assertThat(files(".js")).isNotEmpty().allSatisfy(script -> assertThat(Files.readString(script))
                .as(script.toString())
                .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                        "new Function", "setAttribute('style'", ".style."));
    }

    @Test
    void every_module_a_script_imports_and_every_script_and_style_a_page_links_is_there() throws IOException {
        Pattern imports = Pattern.compile("from '(\\./[^']+)'");
        assertThat(files(".js")).allSatisfy(script -> imports.matcher(Files.readString(script)).results()
                .forEach(match -> assertThat(script.resolveSibling(match.group(1))).as("imported by %s", script)
                        .isRegularFile()));
        Pattern links = Pattern.compile("(?:src|href)=\"([^\"]+\\.(?:js|css))\"");
        assertThat(files(".html")).allSatisfy(page -> links.matcher(Files.readString(page)).results()
                .forEach(match -> {
                    String link = match.group(1);
                    assertThat(link).as("%s loads from this server only", page).doesNotContain("//");
                    Path file = link.startsWith("/") ? WEB.resolve(link.substring(1)) : page.resolveSibling(link);
                    assertThat(file).as("linked by %s", page).isRegularFile();
                }));
    }

    @Test
    void the_pages_say_every_one_of_their_words_in_english_and_in_hindi() throws IOException {
        String strings = Files.readString(WEB.resolve("js/i18n.js"));
        int english = strings.indexOf("\n  en: {");
        int hindi = strings.indexOf("\n  hi: {");
        int end = strings.indexOf("\n};", hindi);
        assertThat(english).as("the English words in i18n.js").isPositive();
        assertThat(hindi).as("the Hindi words after them").isGreaterThan(english);
        Pattern key = Pattern.compile("(?m)^    (\\w+):");
        List<String> inEnglish = key.matcher(strings.substring(english, hindi)).results().map(m -> m.group(1)).toList();
        List<String> inHindi = key.matcher(strings.substring(hindi, end)).results().map(m -> m.group(1)).toList();
        assertThat(inEnglish).hasSizeGreaterThan(100).doesNotHaveDuplicates();
        assertThat(inHindi).containsExactlyInAnyOrderElementsOf(inEnglish);
    }

    @Test
    void there_is_one_question_renderer_for_each_question_type_the_engine_has() throws IOException {
        String questions = Files.readString(WEB.resolve("js/questions.js"));
        Matcher map = Pattern.compile("export const renderers = \\{([^}]*)}").matcher(questions);
        assertThat(map.find()).as("the renderers map in questions.js").isTrue();
        List<String> renderers = Pattern.compile("(\\w+):").matcher(map.group(1)).results()
                .map(match -> match.group(1)).toList();
        assertThat(renderers).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(QuestionType.values()).map(QuestionType::wireName).toList());
    }
}
