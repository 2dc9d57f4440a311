package io.tickwatch.receiver;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a message id from the raw request path. Ids are opaque and may hold "/", "%", "+", "=",
 * quotes and any Unicode, so the raw (undecoded) path is read here: "+" stays a plus, "%2F" becomes a
 * slash, and a malformed escape or invalid UTF-8 is refused rather than guessed.
 */
final class PathIds {

    private PathIds() {
    }

    static String decode(String rawSegment) throws BadRequest {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawSegment.length());
        for (int i = 0; i < rawSegment.length(); i++) {
            char c = rawSegment.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawSegment.length()) {
                    throw new BadRequest("invalid_id", "truncated percent-escape in the message id");
                }
                int hi = Character.digit(rawSegment.charAt(i + 1), 16);
                int lo = Character.digit(rawSegment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new BadRequest("invalid_id", "malformed percent-escape in the message id");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest("invalid_id", "the message id is not valid UTF-8 once decoded");
        }
    }
}
