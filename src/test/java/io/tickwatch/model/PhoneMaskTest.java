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
}
