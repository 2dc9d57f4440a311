package io.tickwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Phones shown in demos and logs keep enough to tell numbers apart, never enough to dial one. */
class PhoneMaskTest {

    @Test
    void keepsCountryCodeFirstTwoAndLastThreeDigits() {
        assertThat(PhoneMask.mask("+919876543210")).isEqualTo("+91 98••• ••210");
        assertThat(PhoneMask.mask("919876543210")).isEqualTo("+91 98••• ••210");
    }

    @Test
    void neverShowsTheWholeNumber() {
        for (String phone : new String[] {"+14155550123", "+447700900123", "+5511987654321", "+12345678", "+1234567"}) {
            String masked = PhoneMask.mask(phone);
            assertThat(masked.replaceAll("[^0-9]", "")).as(masked).isNotEqualTo(phone.substring(1));
            assertThat(masked).contains("•");
        }
    }

    @Test
    void shortValuesAreHiddenCompletely() {
        assertThat(PhoneMask.mask("+12345")).isEqualTo("•••••");
        assertThat(PhoneMask.mask(null)).isNull();
    }

    @Test
    void masksEveryPhoneInFreeText() {
        assertThat(PhoneMask.maskAll("delivered to +919876543210 and 447700900123, id 42"))
                .isEqualTo("delivered to +91 98••• ••210 and +44 77••• ••123, id 42");
        assertThat(PhoneMask.maskAll("no numbers here 123456789")).isEqualTo("no numbers here 123456789");
        assertThat(PhoneMask.maskAll(null)).isNull();
        assertThat(PhoneMask.maskAll("")).isEmpty();
    }

    @Test
    void masksThePhoneMembersOfAWebhookBodyAndNothingElse() {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"value\":{\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
                + "\"contacts\":[{\"wa_id\":\"919876543211\"}],"
                + "\"statuses\":[{\"id\":\"wamid.HBgM002\",\"status\":\"delivered\",\"timestamp\":\"1702207805\","
                + "\"recipient_id\":\"919876543210\"},{\"id\":\"x\",\"status\":\"failed\",\"timestamp\":1702207806,"
                + "\"recipient_id\" : 447700900123,\"errors\":[{\"code\":131026,"
                + "\"title\":\"Number +919876543212 is not on WhatsApp\"}]}]}}]}]}";
        String masked = PhoneMask.maskBody(body);
        assertThat(masked).doesNotContain("919876543210", "919876543211", "919876543212", "447700900123", "15550783881")
                .contains("\"recipient_id\":\"+91 98••• ••210\"", "\"wa_id\":\"+91 98••• ••211\"",
                        "\"recipient_id\" : \"+44 77••• ••123\"", "Number +91 98••• ••212 is not",
                        // ids, timestamps, error codes and the business's phone-number id stay as they were
                        "\"id\":\"102290129340398\"", "\"phone_number_id\":\"106540352242922\"",
                        "\"timestamp\":\"1702207805\"", "\"timestamp\":1702207806", "\"code\":131026");
    }

    @Test
    void masksPrettyPrintedTruncatedAndOddlySpelledBodies() {
        assertThat(PhoneMask.maskBody("{\n  \"statuses\" : [ {\n    \"recipient_id\" : \"919876543210\"\n  } ]\n}"))
                .contains("\"recipient_id\" : \"+91 98••• ••210\"").doesNotContain("919876543210");
        // a body cut after 64 KiB may end inside the phone
        assertThat(PhoneMask.maskBody("{\"statuses\":[{\"recipient_id\":\"9198765")).doesNotContain("9198765")
                .endsWith("\"•••••••");
        assertThat(PhoneMask.maskBody("{\"RECIPIENT_ID\":\"+91 98765 43210\",\"phone\":\"whatsapp:+14155550123\"}"))
                .isEqualTo("{\"RECIPIENT_ID\":\"+•• ••••• •••••\",\"phone\":\"whatsapp:+14 15••• •123\"}");
        assertThat(PhoneMask.maskBody("{\"recipient_id\":\"12\\\"345678901\"}")).doesNotContain("345678901");
        assertThat(PhoneMask.maskBody("MessageSid=SM1&To=whatsapp%3A%2B14155550123&MessageStatus=read"))
                .doesNotContain("4155550123").contains("MessageSid=SM1", "MessageStatus=read");
        assertThat(PhoneMask.maskBody("not json 919876543210 at all")).isEqualTo("not json +91 98••• ••210 at all");
        assertThat(PhoneMask.maskBody(null)).isNull();
        assertThat(PhoneMask.maskBody("")).isEmpty();
    }
}
