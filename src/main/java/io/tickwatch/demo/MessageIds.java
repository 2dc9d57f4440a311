package io.tickwatch.demo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

/**
 * Message ids shaped like Meta's: {@code wamid.} and a base64 blob holding the recipient's number and a
 * random hexadecimal message key, e.g. {@code wamid.HBgMOTE5ODc2NTQzMjEwFQIAERgSM0VCMEQ0…AA==}. Like real ones
 * they may contain {@code +}, {@code /} and {@code =}, which is exactly what the dashboard and the API must cope with.
 */
final class MessageIds {

    private static final byte[] MIDDLE = {0x15, 0x02, 0x00, 0x11, 0x18, 0x12};

    private MessageIds() {
    }

    static String next(Random random, String recipientDigits) {
        byte[] phone = recipientDigits.getBytes(StandardCharsets.US_ASCII);
        byte[] key = new byte[9];
        random.nextBytes(key);
        byte[] hex = HexFormat.of().withUpperCase().formatHex(key).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer blob = ByteBuffer.allocate(3 + phone.length + MIDDLE.length + hex.length + 1)
                .put((byte) 0x1C).put((byte) 0x18).put((byte) phone.length).put(phone).put(MIDDLE).put(hex).put((byte) 0);
        return "wamid." + Base64.getEncoder().encodeToString(blob.array());
    }
}
