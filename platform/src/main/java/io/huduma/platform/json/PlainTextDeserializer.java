package io.huduma.platform.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every text a service reads from a JSON body, refused when it holds control characters (a
 * {@code \u0000} would otherwise reach the database and come back as a 409 or a 500). Tab, line
 * feed and carriage return are text; the rest of C0, DEL and C1 are not. The refusal is a 400
 * problem whose pointer names the field.
 */
public class PlainTextDeserializer extends StringDeserializer {

    /** The refusal, recognised by the problem handlers for its own message. */
    public static final class ControlCharacters extends InvalidFormatException {

        private static final long serialVersionUID = 1L;

        ControlCharacters(JsonParser parser, String value) {
            super(parser, "Text must not contain control characters", value, String.class);
        }
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && hasControlCharacters(value)) {
            throw new ControlCharacters(parser, value);
        }
        return value;
    }

    static boolean hasControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }
}
