package io.tickwatch.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes status items as the providers do (FORMATS.md §1): Meta's Cloud API envelope with conversation,
 * pricing and full error objects, or the On-Premises layout, where a lone failed item's error stands beside
 * the statuses. Stateless and thread-safe.
 */
final class WebhookBodies {

    static final String WABA_ID = "102290129340398";
    static final String BUSINESS_NUMBER = "918047190123";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String ERROR_CODES_HREF = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";

    private final ObjectMapper json = new ObjectMapper();

    /** One webhook body holding {@code items}, which all have {@code format}. */
    String render(PayloadFormat format, List<Emission> items) {
        ObjectNode body = format == PayloadFormat.CLOUD_API ? cloudApi(items) : onPremises(items);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }

    private ObjectNode cloudApi(List<Emission> items) {
        ObjectNode root = json.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode change = root.putArray("entry").addObject().put("id", WABA_ID).putArray("changes").addObject();
        ObjectNode value = change.putObject("value").put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", BUSINESS_NUMBER).put("phone_number_id", PHONE_NUMBER_ID);
        ArrayNode statuses = value.putArray("statuses");
        for (Emission e : items) {
            ObjectNode s = item(statuses.addObject(), e);
            if (e.failure() != null) {
                ObjectNode error = s.putArray("errors").addObject().put("code", e.failure().code())
                        .put("title", e.failure().title()).put("message", e.failure().title());
                error.putObject("error_data").put("details", e.failure().details());
                error.put("href", ERROR_CODES_HREF);
            } else if (!e.status().equals("read")) {
                ObjectNode conversation = s.putObject("conversation").put("id", conversationId(e.recipient()));
                if (e.status().equals("sent")) {
                    conversation.put("expiration_timestamp", Long.toString(e.timestampSeconds() + 86_400));
                }
                conversation.putObject("origin").put("type", "marketing");
                s.putObject("pricing").put("billable", true).put("pricing_model", "PMP")
                        .put("category", "marketing").put("type", "regular");
            }
        }
        change.put("field", "messages");
        return root;
    }

    private ObjectNode onPremises(List<Emission> items) {
        ObjectNode root = json.createObjectNode();
        ArrayNode statuses = root.putArray("statuses");
        boolean loneFailure = items.size() == 1 && items.get(0).failure() != null;
        for (Emission e : items) {
            ObjectNode s = item(statuses.addObject(), e);
            if (e.failure() != null && !loneFailure) {
                s.putArray("errors").addObject().put("code", e.failure().code()).put("title", e.failure().title());
            }
        }
        if (loneFailure) {
            FailureCode f = items.get(0).failure();
            root.putArray("errors").addObject().put("code", f.code()).put("title", f.title());
        }
        return root;
    }

    private static ObjectNode item(ObjectNode s, Emission e) {
        return s.put("id", e.messageId()).put("status", e.status())
                .put("timestamp", Long.toString(e.timestampSeconds())).put("recipient_id", e.recipient());
    }

    /** One conversation per recipient, as Meta opens one 24-hour conversation per user and category. */
    private static String conversationId(String recipient) {
        long h = recipient.hashCode() * 0x9E3779B97F4A7C15L;
        return HexFormat.of().toHexDigits(h) + HexFormat.of().toHexDigits(~h);
    }
}
