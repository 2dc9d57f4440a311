package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.cloudApi;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.testing.RunningTickwatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FORMATS.md §3.6: a failed status keeps the first error's code (integer) and title; without its own
 * errors the item uses the errors beside it (On-Premises layout); failed and delivered can both hold.
 */
class FailedStatusOverHttpTest {

    static final String UNDELIVERABLE = "\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\","
            + "\"message\":\"Message undeliverable\",\"error_data\":{\"details\":\"Recipient is not a WhatsApp user\"},"
            + "\"href\":\"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/\"},"
            + "{\"code\":1,\"title\":\"second error, ignored\"}]";

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @Test
    void aFailedStatusKeepsTheFirstErrorsCodeAndTitle() {
        tw.postWebhook(cloudApi(status("fail.1", "failed", "1702207810", "919876543210", UNDELIVERABLE)));
        JsonNode m = tw.message("fail.1").json();
        assertThat(m.get("failed").asText()).isEqualTo("2023-12-10T11:30:10Z");
        assertThat(m.get("errorCode").isInt()).isTrue();
        assertThat(m.get("errorCode").asInt()).isEqualTo(131026);
        assertThat(m.get("errorTitle").asText()).isEqualTo("Message undeliverable");
        assertThat(m.get("currentStatus").asText()).isEqualTo("failed");
    }

    @Test
    void theErrorsBesideTheStatusesServeItemsWithoutTheirOwn() {
        String body = "{\"statuses\":[" + status("fail.2", "failed", "1702207810", "919876543210") + ","
                + status("fail.3", "failed", "1702207810", null, "\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\"}]")
                + "],\"errors\":[{\"code\":470,\"title\":\"Message failed to send because more than 24 hours have passed\"}]}";
        assertThat(tw.postWebhook(body).json().get("processed").asInt()).isEqualTo(2);
        JsonNode fallback = tw.message("fail.2").json();
        assertThat(fallback.get("errorCode").asInt()).isEqualTo(470);
        assertThat(fallback.get("errorTitle").asText()).startsWith("Message failed to send");
        JsonNode own = tw.message("fail.3").json();
        assertThat(own.get("errorCode").asInt()).as("the item's own errors come first").isEqualTo(131047);
    }

    @Test
    void failedAndDeliveredAreBothKept() {
        tw.postWebhook(onPremises(status("fail.4", "delivered", "1702207805", null)));
        tw.postWebhook(onPremises(status("fail.4", "failed", "1702207810", null, UNDELIVERABLE)));
        JsonNode m = tw.message("fail.4").json();
        assertThat(m.get("delivered").asText()).isEqualTo("2023-12-10T11:30:05Z");
        assertThat(m.get("failed").asText()).isEqualTo("2023-12-10T11:30:10Z");
        assertThat(m.get("errorCode").asInt()).isEqualTo(131026);
        assertThat(m.get("currentStatus").asText()).as("delivered is more advanced than failed").isEqualTo("delivered");
    }

    @Test
    void theErrorOfTheEarliestFailureStaysWhateverTheArrivalOrder() {
        String later = status("fail.5", "failed", "1702207820", null, "\"errors\":[{\"code\":131000,\"title\":\"Something went wrong\"}]");
        String earlier = status("fail.5", "failed", "1702207810", null, UNDELIVERABLE);
        tw.postWebhook(onPremises(later));
        tw.postWebhook(onPremises(earlier));
        String earlierB = earlier.replace("fail.5", "fail.6");
        String laterB = later.replace("fail.5", "fail.6");
        tw.postWebhook(onPremises(earlierB));
        tw.postWebhook(onPremises(laterB));
        for (String id : new String[] {"fail.5", "fail.6"}) {
            JsonNode m = tw.message(id).json();
            assertThat(m.get("failed").asText()).isEqualTo("2023-12-10T11:30:10Z");
            assertThat(m.get("errorCode").asInt()).isEqualTo(131026);
            assertThat(m.get("errorTitle").asText()).isEqualTo("Message undeliverable");
        }
    }

    /**
     * Two failures at the same instant with different errors: the same one wins whether they arrive in
     * one request (folded in Java) or in two (merged by the SQL upsert), in either order. The largest
     * int code must not be mistaken for "no code".
     */
    @Test
    void simultaneousFailuresResolveTheSameWayInOneRequestOrInTwo() {
        String maxCode = "\"errors\":[{\"code\":2147483647,\"title\":\"z: largest code\"}]";
        String noCode = "\"errors\":[{\"title\":\"a: no code\"}]";
        tw.postWebhook(onPremises(status("tie.one", "failed", "1702207810", null, maxCode),
                status("tie.one", "failed", "1702207810", null, noCode)));
        tw.postWebhook(onPremises(status("tie.two", "failed", "1702207810", null, maxCode)));
        tw.postWebhook(onPremises(status("tie.two", "failed", "1702207810", null, noCode)));
        tw.postWebhook(onPremises(status("tie.three", "failed", "1702207810", null, noCode)));
        tw.postWebhook(onPremises(status("tie.three", "failed", "1702207810", null, maxCode)));
        for (String id : new String[] {"tie.one", "tie.two", "tie.three"}) {
            JsonNode m = tw.message(id).json();
            assertThat(m.get("errorCode").asLong()).as(id + ": a present code ranks before a missing one").isEqualTo(2147483647L);
            assertThat(m.get("errorTitle").asText()).as(id).isEqualTo("z: largest code");
        }
    }

    @Test
    void aFailureWithoutErrorsKeepsAnErrorAlreadyKnown() {
        tw.postWebhook(onPremises(status("fail.7", "failed", "1702207820", null, UNDELIVERABLE)));
        tw.postWebhook(onPremises(status("fail.7", "failed", "1702207810", null)));
        JsonNode m = tw.message("fail.7").json();
        assertThat(m.get("failed").asText()).isEqualTo("2023-12-10T11:30:10Z");
        assertThat(m.get("errorCode").asInt()).isEqualTo(131026);
    }

    @Test
    void aFailureWithoutAnyErrorHasNullCodeAndTitle() {
        tw.postWebhook(onPremises(status("fail.8", "FAILED", "1702207810", null)));
        JsonNode m = tw.message("fail.8").json();
        assertThat(m.get("failed").asText()).isEqualTo("2023-12-10T11:30:10Z");
        assertThat(m.get("errorCode").isNull()).isTrue();
        assertThat(m.get("errorTitle").isNull()).isTrue();
    }

    @Test
    void errorsOnStatusesOtherThanFailedAreNotKept() {
        tw.postWebhook(onPremises(status("fail.9", "sent", "1702207800", null, UNDELIVERABLE)));
        JsonNode m = tw.message("fail.9").json();
        assertThat(m.get("errorCode").isNull()).isTrue();
        assertThat(m.get("failed").isNull()).isTrue();
    }
}
