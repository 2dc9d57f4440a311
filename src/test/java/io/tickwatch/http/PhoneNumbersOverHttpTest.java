package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.cloudApi;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.testing.RunningTickwatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FORMATS.md §3.7: phone = "+" and the digits of recipient_id, never "++"; groups use
 * recipient_participant_id; no phone: null and the status is still stored; the first non-null phone stays.
 */
class PhoneNumbersOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @ParameterizedTest
    @ValueSource(strings = {"919876543210", "+919876543210", "++919876543210", "+91 98765 43210", "91-98765-43210"})
    void everySpellingBecomesPlusAndDigits(String recipient) {
        String id = "phone." + recipient.replaceAll("[^0-9+ -]", "").replace(' ', '_');
        tw.postWebhook(onPremises(status(id, "sent", "1702207800", recipient)));
        assertThat(tw.message(id).json().get("phone").asText()).isEqualTo("+919876543210");
    }

    @Test
    void aNumericRecipientIdIsReadToo() {
        tw.postWebhook("{\"statuses\":[{\"id\":\"phone.num\",\"status\":\"sent\",\"timestamp\":1702207800,\"recipient_id\":919876543210}]}");
        assertThat(tw.message("phone.num").json().get("phone").asText()).isEqualTo("+919876543210");
    }

    @Test
    void aGroupStatusUsesTheParticipant() {
        tw.postWebhook(cloudApi(status("phone.group", "read", "1702207860", "120363025246125486",
                "\"recipient_type\":\"group\"", "\"recipient_participant_id\":\"447700900123\"")));
        assertThat(tw.message("phone.group").json().get("phone").asText()).isEqualTo("+447700900123");
    }

    @Test
    void withoutAPhoneTheStatusIsStillStored() {
        RunningTickwatch.Reply reply = tw.postWebhook(cloudApi(status("phone.none", "delivered", "1702207805", null),
                status("phone.bsuid", "delivered", "1702207805", null, "\"recipient_user_id\":\"US.13491208655302741918\"")));
        assertThat(reply.json().get("processed").asInt()).isEqualTo(2);
        for (String id : new String[] {"phone.none", "phone.bsuid"}) {
            JsonNode m = tw.message(id).json();
            assertThat(m.get("phone").isNull()).isTrue();
            assertThat(m.get("delivered").asText()).isEqualTo("2023-12-10T11:30:05Z");
        }
    }

    @Test
    void theFirstNonNullPhoneStays() {
        tw.postWebhook(onPremises(status("phone.first", "read", "1702207860", null)));
        tw.postWebhook(onPremises(status("phone.first", "delivered", "1702207805", "447700900123")));
        tw.postWebhook(onPremises(status("phone.first", "sent", "1702207800", "919876543210")));
        tw.postWebhook(onPremises(status("phone.first", "read", "1702207870", "15550001111")));
        assertThat(tw.message("phone.first").json().get("phone").asText())
                .as("the phone of the earliest observation that carried one").isEqualTo("+919876543210");
    }

    @Test
    void aLaterNullPhoneNeverErasesOne() {
        tw.postWebhook(onPremises(status("phone.keep", "sent", "1702207800", "919876543210")));
        tw.postWebhook(onPremises(status("phone.keep", "read", "1702207700", null)));
        assertThat(tw.message("phone.keep").json().get("phone").asText()).isEqualTo("+919876543210");
    }
}
