package io.tickwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FORMATS.md §3.7: "+" followed by the digits of the recipient id, never "++". */
class PhonesTest {

    @ParameterizedTest
    @ValueSource(strings = {"919876543210", "+919876543210", "++919876543210", " +91 98765-43210 ", "(91) 9876 543210",
            "+91.9876.543210"})
    void everySpellingOfANumberBecomesPlusDigits(String raw) {
        assertThat(Phones.normalise(raw)).isEqualTo("+919876543210");
    }

    @Test
    void neverTwoPluses() {
        assertThat(Phones.normalise("+++1")).isEqualTo("+1");
    }

    @Test
    void valuesWithoutAPhoneNumberBecomeNull() {
        assertThat(Phones.normalise(null)).isNull();
        assertThat(Phones.normalise("")).isNull();
        assertThat(Phones.normalise("+")).isNull();
        assertThat(Phones.normalise("US.13491208655302741918")).as("business-scoped user id").isNull();
        assertThat(Phones.normalise("120363025246125486@g.us")).as("group id").isNull();
        assertThat(Phones.normalise("1".repeat(21))).as("longer than any phone number").isNull();
    }

    @Test
    void twentyDigitsAreStillAccepted() {
        assertThat(Phones.normalise("1".repeat(20))).isEqualTo("+" + "1".repeat(20));
    }
}
