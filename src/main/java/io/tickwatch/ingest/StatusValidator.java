package io.tickwatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.model.StatusEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns raw status items into {@link StatusEvent}s or {@link Rejection}s, one rule of FORMATS.md §3
 * at a time. Stateless and thread-safe; runs on Undertow worker threads.
 */
public final class StatusValidator {

    /** PostgreSQL's b-tree index refuses keys over ~2.7 kB; 2 kB leaves room and admits 600+ characters. */
    static final int MAX_ID_BYTES = 2048;
    static final int MAX_STATUS_LENGTH = 64;
    static final int MAX_TITLE_LENGTH = 1024;

    /** The outcome for one request's items. */
    public record Result(List<StatusEvent> accepted, List<Rejection> rejected) {
    }

    public Result validate(List<RawStatus> items, long receivedMillis) {
        List<StatusEvent> accepted = new ArrayList<>(items.size());
        List<Rejection> rejected = new ArrayList<>();
        for (RawStatus raw : items) {
            try {
                accepted.add(toEvent(raw, receivedMillis));
            } catch (InvalidItem e) {
                rejected.add(new Rejection(raw.index(), raw.path(), e.getMessage(), String.valueOf(raw.item())));
            } catch (RuntimeException e) {
                // An item this code did not foresee must still be one rejected item, never an unanswered request.
                rejected.add(new Rejection(raw.index(), raw.path(), "item could not be read: " + e.getClass().getSimpleName(),
                        String.valueOf(raw.item())));
            }
        }
        return new Result(accepted, rejected);
    }

    private static StatusEvent toEvent(RawStatus raw, long receivedMillis) throws InvalidItem {
        JsonNode item = raw.item();
        if (!item.isObject()) {
            throw new InvalidItem("status item must be an object, not " + JsonNodes.kind(item));
        }
        String id = id(item.get("id"));
        String status = status(item.get("status"));
        long at;
        try {
            at = Timestamps.parse(item.get("timestamp"));
        } catch (Timestamps.InvalidTimestamp e) {
            throw new InvalidItem(e.getMessage());
        }
        String phone = Phones.normalise(phoneSource(item));
        Integer code = null;
        String title = null;
        if ("failed".equals(status)) {
            JsonNode error = firstError(item.get("errors"));
            if (error == null) {
                error = firstError(raw.fallbackErrors());
            }
            if (error != null) {
                code = errorCode(error.get("code"));
                title = errorTitle(error);
            }
        }
        return new StatusEvent(id, status, at, phone, code, title, receivedMillis);
    }

    private static String id(JsonNode node) throws InvalidItem {
        if (node == null || node.isNull()) {
            throw new InvalidItem("id is missing");
        }
        String id;
        if (node.isTextual()) {
            id = node.textValue();
        } else if (node.isIntegralNumber()) {
            id = node.bigIntegerValue().toString();
        } else if (node.isNumber()) {
            if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
                throw new InvalidItem("id is a number too large to write out: " + node.asText());
            }
            id = node.decimalValue().toPlainString();
        } else {
            throw new InvalidItem("id must be a string or a number, not " + JsonNodes.kind(node));
        }
        if (id.isBlank()) {
            throw new InvalidItem("id is empty");
        }
        if (id.indexOf('\0') >= 0) {
            throw new InvalidItem("id contains a NUL character");
        }
        if (hasUnpairedSurrogate(id)) {
            throw new InvalidItem("id contains an unpaired UTF-16 surrogate (\\ud800–\\udfff escape)");
        }
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new InvalidItem("id is longer than " + MAX_ID_BYTES + " bytes");
        }
        return id;
    }

    private static String status(JsonNode node) throws InvalidItem {
        if (node == null || node.isNull()) {
            throw new InvalidItem("status is missing");
        }
        if (!node.isTextual()) {
            throw new InvalidItem("status must be a string, not " + JsonNodes.kind(node));
        }
        String status = node.textValue().trim().toLowerCase(Locale.ROOT);
        if (status.isEmpty()) {
            throw new InvalidItem("status is empty");
        }
        if (status.length() > MAX_STATUS_LENGTH || status.indexOf('\0') >= 0) {
            throw new InvalidItem("status is not a plausible status value: " + JsonNodes.shorten(status));
        }
        return status;
    }

    /** Such an id has no UTF-8 form: it could not be stored in PostgreSQL nor round-trip through a URL. */
    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Group statuses name the member in recipient_participant_id (FORMATS.md §3.7). */
    private static String phoneSource(JsonNode item) {
        JsonNode participant = item.get("recipient_participant_id");
        if (participant != null && (participant.isTextual() || participant.isNumber())) {
            return participant.asText();
        }
        JsonNode recipient = item.get("recipient_id");
        if (recipient != null && (recipient.isTextual() || recipient.isIntegralNumber())) {
            return recipient.asText();
        }
        return null;
    }

    private static JsonNode firstError(JsonNode errors) {
        if (errors == null || !errors.isArray() || errors.isEmpty() || !errors.get(0).isObject()) {
            return null;
        }
        return errors.get(0);
    }

    private static Integer errorCode(JsonNode code) {
        if (code == null) {
            return null;
        }
        if (code.isIntegralNumber() && code.canConvertToInt()) {
            return code.intValue();
        }
        if (code.isTextual()) {
            try {
                return Integer.valueOf(code.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The title, else the message; an empty text is no title (the store's merge ranks "" and null alike). */
    private static String errorTitle(JsonNode error) {
        String text = text(error.get("title"));
        if (text == null) {
            text = text(error.get("message"));
        }
        if (text == null) {
            return null;
        }
        return text.length() > MAX_TITLE_LENGTH ? text.substring(0, MAX_TITLE_LENGTH) : text;
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String text = node.textValue().replace("\0", "");
        return text.isEmpty() ? null : text;
    }

    /** A rule of FORMATS.md §3 that an item breaks; the message is the reason shown to the sender. */
    private static final class InvalidItem extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidItem(String reason) {
            super(reason, null, false, false);
        }
    }
}
