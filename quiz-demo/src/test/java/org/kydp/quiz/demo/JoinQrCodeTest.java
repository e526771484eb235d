package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nayuki.qrcodegen.QrCode;
import org.junit.jupiter.api.Test;

class JoinQrCodeTest {

    @Test
    void the_join_address_is_this_servers_live_page_with_the_code_and_the_language() {
        assertThat(JoinQrCode.joinUrl("http", "192.168.1.20:7070", "123456", "hi"))
                .isEqualTo("http://192.168.1.20:7070/live?code=123456&lang=hi");
        assertThat(JoinQrCode.joinUrl("https", "quiz.example.org", "000042", null))
                .isEqualTo("https://quiz.example.org/live?code=000042");
        assertThat(JoinQrCode.joinUrl("http", "[::1]:7070", "123456", null)).isEqualTo("http://[::1]:7070/live?code=123456");
    }

    @Test
    void nothing_but_a_code_a_language_and_a_host_name_goes_into_a_join_address() {
        assertThatThrownBy(() -> JoinQrCode.joinUrl("http", "localhost", "12345", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JoinQrCode.joinUrl("http", "localhost", "123456\n", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JoinQrCode.joinUrl("http", "localhost", "123456", "hi&x=1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JoinQrCode.joinUrl("http", "evil.example/phish?", "123456", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JoinQrCode.joinUrl("javascript", "localhost", "123456", null)).startsWith("http://");
    }

    @Test
    void the_svg_draws_every_dark_module_of_the_qr_code_inside_a_quiet_zone_of_four() {
        String url = "http://192.168.1.20:7070/live?code=123456&lang=hi";
        QrCode expected = QrCode.encodeText(url, QrCode.Ecc.MEDIUM);
        String svg = JoinQrCode.svg(url);

        int size = expected.size + 8;
        assertThat(svg).contains("viewBox=\"0 0 " + size + " " + size + "\"");
        boolean[][] drawn = new boolean[size][size];
        Matcher module = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            drawn[Integer.parseInt(module.group(2))][Integer.parseInt(module.group(1))] = true;
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean inside = x >= 4 && y >= 4 && x < size - 4 && y < size - 4;
                assertThat(drawn[y][x]).as("module %d,%d", x, y)
                        .isEqualTo(inside && expected.getModule(x - 4, y - 4));
            }
        }
    }
}
