package io.tickwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.config.AlertThresholds;
import org.junit.jupiter.api.Test;

/** Thresholds typed by a person: the configuration's bounds, one message per bad field, nothing half-applied. */
class ThresholdsInputTest {

    @Test
    void validFieldsGiveTheThresholds() {
        ThresholdsInput in = ThresholdsInput.parse(" 87.5 ", "0", "1", "100", "0.5", "12");
        assertThat(in.valid()).isTrue();
        assertThat(in.thresholds()).isEqualTo(new AlertThresholds(87.5, 0, 1, 100, 0.5, 12));
        assertThat(in.problems()).isEmpty();
    }

    @Test
    void everyBadFieldIsNamedWithWhatItMustBe() {
        ThresholdsInput in = ThresholdsInput.parse("101", "-1", "0", "", "0", "2.5");
        assertThat(in.valid()).isFalse();
        assertThat(in.problems()).containsExactly(
                "Delivery rate minimum must be a number from 0 to 100, not \"101\"",
                "Undelivered messages must be a whole number of at least 0, not \"-1\"",
                "Undelivered for (minutes) must be a whole number of at least 1, not \"0\"",
                "Read rate minimum must be a number from 0 to 100, not empty",
                "Time to deliver maximum (seconds) must be a number above 0, not \"0\"",
                "Webhook errors must be a whole number of at least 0, not \"2.5\"");
        assertThatThrownBy(in::thresholds).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void notANumberIsRefusedNotGuessed() {
        assertThat(ThresholdsInput.parse("NaN", "10", "10", "Infinity", "abc", "5").problems()).hasSize(3);
        assertThat(ThresholdsInput.parse(null, "10", "10", "50", "30", "5").problems())
                .containsExactly("Delivery rate minimum must be a number from 0 to 100, not empty");
    }

    @Test
    void thresholdsAreWrittenBackAsTyped() {
        assertThat(ThresholdsInput.text(90)).isEqualTo("90");
        assertThat(ThresholdsInput.text(87.5)).isEqualTo("87.5");
        assertThat(ThresholdsInput.text(0.25)).isEqualTo("0.25");
    }

    @Test
    void eachRuleSaysWhenItFires() {
        AlertThresholds t = AlertThresholds.DEFAULTS;
        assertThat(AlertRule.DELIVERY_RATE.condition(t)).isEqualTo("delivery rate over the last hour under 90 %");
        assertThat(AlertRule.UNDELIVERED.condition(t))
                .isEqualTo("more than 10 messages sent but neither delivered nor failed for over 10 min");
        assertThat(AlertRule.READ_RATE.condition(t)).isEqualTo("read rate over the last 24 hours under 50 %");
        assertThat(AlertRule.DELIVERY_TIME.condition(t)).isEqualTo("average time to deliver over the last hour over 30 s");
        assertThat(AlertRule.WEBHOOK_ERRORS.condition(t))
                .isEqualTo("more than 5 webhook requests refused (answered other than 200) in the last 5 minutes");
    }
}
