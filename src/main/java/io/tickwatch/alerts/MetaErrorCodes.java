package io.tickwatch.alerts;

import java.util.Map;
import java.util.Optional;

/**
 * One-line explanations of the error codes WhatsApp most often reports in a failed status (Cloud API
 * codes, plus the older On-Premises ones some providers still relay). From Meta's error-code reference;
 * short on purpose: the title Meta sent is shown beside it. Immutable; any thread.
 */
public final class MetaErrorCodes {

    private static final Map<Integer, String> EXPLANATIONS = Map.ofEntries(
            Map.entry(131026, "Undeliverable: number not on WhatsApp, terms not accepted, app too old, or withheld by "
                    + "Meta (e.g. marketing limit)"),
            Map.entry(131047, "Re-engagement needed: more than 24 h since the customer last wrote; only a template "
                    + "message can be sent"),
            Map.entry(131049, "Not delivered to keep ecosystem engagement healthy: the per-user limit on marketing "
                    + "messages was reached; try again later"),
            Map.entry(131050, "The customer stopped marketing messages from this business"),
            Map.entry(130472, "The customer's number is part of a Meta experiment; this marketing message was not sent"),
            Map.entry(131000, "Something went wrong on Meta's side (unknown error); retry later"),
            Map.entry(131048, "Spam rate limit: too many recent messages from this number were blocked or reported"),
            Map.entry(131051, "Unsupported message type"),
            Map.entry(131053, "Media upload error: the attached media could not be uploaded (type, size or URL)"),
            Map.entry(131056, "Pair rate limit: too many messages to the same customer in a short time"),
            Map.entry(131042, "Payment problem on the business account (payment method or credit line)"),
            Map.entry(131031, "The business account is locked (policy or integrity problem)"),
            Map.entry(131021, "The recipient is the sending number itself"),
            Map.entry(131009, "A parameter value in the send request is not valid"),
            Map.entry(131008, "A required parameter is missing from the send request"),
            Map.entry(131016, "The WhatsApp service is temporarily unavailable; retry later"),
            Map.entry(130429, "Throughput rate limit of the sending number reached"),
            Map.entry(132000, "The template's parameter count does not match its definition"),
            Map.entry(132001, "The template does not exist in that name and language, or is not approved"),
            Map.entry(132015, "The template is paused because of low quality"),
            Map.entry(132016, "The template is disabled because of low quality"),
            Map.entry(133010, "The sending phone number is not registered on the Cloud API"),
            Map.entry(368, "The business is temporarily blocked for policy violations"),
            Map.entry(470, "Re-engagement needed (older API): more than 24 h since the customer last wrote"),
            Map.entry(1013, "The recipient is not a valid WhatsApp user (older API)"),
            Map.entry(1026, "Message undeliverable (older API): same causes as 131026"));

    private MetaErrorCodes() {
    }

    /** The explanation of a code, empty for null and for codes not in the catalogue. */
    public static Optional<String> explain(Integer code) {
        return code == null ? Optional.empty() : Optional.ofNullable(EXPLANATIONS.get(code));
    }

    /** The number of explained codes. */
    public static int size() {
        return EXPLANATIONS.size();
    }
}
