package io.huduma.notifications.sms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How an SMS text travels: the GSM 03.38 default alphabet (7-bit, 160 characters in one message,
 * 153 per part of a long one; characters of the extension table count twice) when every character
 * is in it, else UCS-2 (70 in one message, 67 per part). Also the SMPP bytes of each.
 */
public enum SmsEncoding {
    GSM7(160, 153, (byte) 0x00),
    UCS2(70, 67, (byte) 0x08);

    /** GSM 03.38 default alphabet, indexed by septet (0x1B is the escape to the extension table). */
    private static final String GSM_BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Extension table characters and their septet after the escape. */
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";
    private static final byte[] GSM_EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private final int singleLimit;
    private final int partLimit;
    private final byte dataCoding;

    SmsEncoding(int singleLimit, int partLimit, byte dataCoding) {
        this.singleLimit = singleLimit;
        this.partLimit = partLimit;
        this.dataCoding = dataCoding;
    }

    /** The encoding a handset needs for this text. */
    public static SmsEncoding of(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0x1B || (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0)) {
                return UCS2;
            }
        }
        return GSM7;
    }

    /** Length in this encoding's units: septets for GSM-7 (extension characters count 2), UTF-16 units for UCS-2. */
    public int length(String text) {
        if (this == UCS2) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return septets;
    }

    /** How many SMS parts the text takes (1 for an empty text). */
    public int segments(String text) {
        int length = length(text);
        if (length <= singleLimit) {
            return 1;
        }
        return (length + partLimit - 1) / partLimit;
    }

    /** SMPP {@code data_coding}: 0 (SMSC default alphabet) or 8 (UCS-2). */
    public byte dataCoding() {
        return dataCoding;
    }

    /** The text split into parts that each fit one segment, never splitting an escape pair or a surrogate pair. */
    public List<String> split(String text) {
        if (segments(text) == 1) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        int units = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int size = this == GSM7 && GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
            boolean pairStart = this == UCS2 && Character.isHighSurrogate(c);
            int needed = pairStart ? 2 : size;
            if (units + needed > partLimit) {
                parts.add(text.substring(start, i));
                start = i;
                units = 0;
            }
            units += size;
        }
        parts.add(text.substring(start));
        return parts;
    }

    /**
     * The text of SMPP {@code short_message} bytes from their {@code data_coding}: the GSM 03.38 default
     * alphabet (one septet per octet), IA5/ASCII, Latin-1 or UCS-2; anything else is read as Latin-1.
     */
    public static String decode(byte[] bytes, int dataCoding) {
        int coding = dataCoding & 0xFF;
        if (coding == 0x08) {
            return new String(bytes, StandardCharsets.UTF_16BE);
        }
        if (coding == 0x01) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        if (coding != 0x00 && (coding & 0xF0) != 0xF0) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        StringBuilder text = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int septet = bytes[i] & 0x7F;
            if (septet == 0x1B && i + 1 < bytes.length) {
                int code = bytes[++i] & 0x7F;
                int extension = -1;
                for (int e = 0; e < GSM_EXTENSION_CODES.length; e++) {
                    if (GSM_EXTENSION_CODES[e] == code) {
                        extension = e;
                    }
                }
                text.append(extension >= 0 ? GSM_EXTENSION.charAt(extension) : ' ');
            } else {
                text.append(GSM_BASIC.charAt(septet));
            }
        }
        return text.toString();
    }

    /** The bytes of {@code text} as SMPP carries them: GSM septets unpacked, one per octet, or UTF-16BE. */
    public byte[] encode(String text) {
        if (this == UCS2) {
            return text.getBytes(StandardCharsets.UTF_16BE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = GSM_BASIC.indexOf(c);
            if (basic >= 0 && c != 0x1B) {
                out.write(basic);
            } else {
                int extension = GSM_EXTENSION.indexOf(c);
                if (extension < 0) {
                    throw new IllegalArgumentException("not in the GSM 03.38 alphabet: U+" + Integer.toHexString(c));
                }
                out.write(0x1B);
                out.write(GSM_EXTENSION_CODES[extension]);
            }
        }
        return out.toByteArray();
    }
}
