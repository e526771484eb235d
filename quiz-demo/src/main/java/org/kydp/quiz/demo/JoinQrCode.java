package org.kydp.quiz.demo;

import java.util.regex.Pattern;

import io.nayuki.qrcodegen.QrCode;

/**
 * The QR code of a live session's join address, as an SVG image: the crowd scans it off the host's screen. Drawn
 * here, so no third party learns of the session; only a 6-digit code and a language go in, never a free text.
 */
final class JoinQrCode {

    private static final Pattern CODE = Pattern.compile("[0-9]{6}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    /** A host name or IPv4 address, or an IPv6 address in brackets, and a port: what a Host header may say. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(:[0-9]{1,5})?");
    /** The light margin around the code that scanners need, in modules. */
    private static final int QUIET_ZONE = 4;

    private JoinQrCode() {
    }

    /**
     * The address a player opens to join: the live page of this server, as the host's browser reached it, with
     * the code and, when given, the language to show.
     *
     * @throws IllegalArgumentException when the code is not 6 digits, the language not two letters, or the host
     *                                  not a host name
     */
    static String joinUrl(String scheme, String host, String code, String language) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must be the session's 6 digits");
        }
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("lang must be a two-letter language code");
        }
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("the Host header is not a host name");
        }
        String secure = "https".equalsIgnoreCase(scheme) ? "https" : "http";
        return secure + "://" + host + "/live?code=" + code + (language == null ? "" : "&lang=" + language);
    }

    /** The text as a QR code (medium error correction), black on white, one SVG unit per module. */
    static String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder(qr.size * qr.size * 6);
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#ffffff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>\n";
    }
}
