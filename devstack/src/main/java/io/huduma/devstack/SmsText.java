package io.huduma.devstack;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Decodes an SMPP short message the way an SMSC reads it, from its {@code data_coding}: the GSM 03.38
 * default alphabet (one septet per octet, as SMPP carries it), IA5/ASCII, Latin-1, UCS-2, or binary
 * (shown as hex).
 */
final class SmsText {

    /** GSM 03.38 default alphabet, indexed by septet; 0x1B escapes into {@link #GSM_EXTENSION}. */
    static final String GSM_BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final char[] GSM_EXTENSION = new char[128];

    static {
        GSM_EXTENSION[0x0A] = '\f';
        GSM_EXTENSION[0x14] = '^';
        GSM_EXTENSION[0x28] = '{';
        GSM_EXTENSION[0x29] = '}';
        GSM_EXTENSION[0x2F] = '\\';
        GSM_EXTENSION[0x3C] = '[';
        GSM_EXTENSION[0x3D] = '~';
        GSM_EXTENSION[0x3E] = ']';
        GSM_EXTENSION[0x40] = '|';
        GSM_EXTENSION[0x65] = '€';
    }

    private SmsText() {
    }

    static String decode(byte[] message, int dataCoding) {
        int coding = dataCoding & 0xFF;
        return switch (coding) {
            case 0x00, 0xF0, 0xF1, 0xF2, 0xF3 -> gsm(message);
            case 0x01 -> new String(message, StandardCharsets.US_ASCII);
            case 0x03 -> new String(message, StandardCharsets.ISO_8859_1);
            case 0x06 -> new String(message, Charset.forName("ISO-8859-5"));
            case 0x07 -> new String(message, Charset.forName("ISO-8859-8"));
            case 0x08 -> new String(message, StandardCharsets.UTF_16BE);
            default -> HexFormat.of().formatHex(message);
        };
    }

    /**
     * {@code text} in the GSM 03.38 default alphabet, one septet per octet as SMPP carries it (extension
     * characters as an escape pair); {@code null} when a character is not in the alphabet.
     */
    static byte[] encodeGsm(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = GSM_BASIC.indexOf(c);
            if (basic >= 0 && c != 0x1B) {
                out.write(basic);
                continue;
            }
            int extension = -1;
            for (int code = 0; code < GSM_EXTENSION.length && extension < 0; code++) {
                if (GSM_EXTENSION[code] == c && c != 0) {
                    extension = code;
                }
            }
            if (extension < 0) {
                return null;
            }
            out.write(0x1B);
            out.write(extension);
        }
        return out.toByteArray();
    }

    /** GSM 03.38, unpacked. */
    static String gsm(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int septet = septets[i] & 0x7F;
            if (septet == 0x1B && i + 1 < septets.length) {
                char extended = GSM_EXTENSION[septets[++i] & 0x7F];
                // an unknown escape shows as a space, as handsets do
                text.append(extended != 0 ? extended : ' ');
            } else {
                text.append(GSM_BASIC.charAt(septet));
            }
        }
        return text.toString();
    }
}
