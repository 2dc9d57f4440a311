package io.tickwatch.ui.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.demo.DemoConfig;
import io.tickwatch.demo.DemoStats;
import org.junit.jupiter.api.Test;

/** What the header says about demo traffic, and how the settings popover's percentages become a configuration. */
class DemoTrafficWordsTest {

    private static DemoStats stats(long messages, long retried, long refused, String problem) {
        return new DemoStats(true, 12, messages, messages * 2, messages * 2 - refused, messages * 3, retried, refused, 0,
                0, 0, problem);
    }

    @Test
    void theChipSpeaksOnlyWhenTheReceiverPushedBackRefusalsFirst() {
        assertThat(DemoTrafficViewModel.notice(stats(1234, 0, 0, null))).isEmpty();
        assertThat(DemoTrafficViewModel.notice(stats(1234, 5, 0, null))).isEqualTo("5 retried");
        assertThat(DemoTrafficViewModel.notice(stats(1234, 5, 2, "HTTP 401 from …"))).isEqualTo("2 refused");
    }

    @Test
    void theTooltipCountsTheRunAndNamesTheLastProblem() {
        assertThat(DemoTrafficViewModel.summary(DemoStats.NONE, false))
                .isEqualTo("Start simulated provider webhooks to this receiver.");
        assertThat(DemoTrafficViewModel.summary(stats(1234, 1, 2, "HTTP 401 from http://127.0.0.1:8080/webhook"), true))
                .isEqualTo("Click to stop demo traffic.\nSo far: 1\u2009234 messages, 2\u2009466 webhooks accepted, 1 retried, "
                        + "2 refused\nLast problem: HTTP 401 from http://127.0.0.1:8080/webhook");
    }

    @Test
    void thePopoversPercentagesChangeOnlyWhatItShows() {
        DemoConfig base = DemoConfig.defaults().toBuilder().seed(5L).build();
        DemoSettingsForm form = DemoSettingsForm.of(base);
        assertThat(form).isEqualTo(new DemoSettingsForm(10, 40, 4, 92, 65, 3, 5));
        assertThat(form.applyTo(base)).isEqualTo(base);

        DemoConfig changed = new DemoSettingsForm(40, 500, 10, 80, 50, 0, 0).applyTo(base);
        assertThat(changed).isEqualTo(base.toBuilder().messagesPerSecond(40).phones(500).failed(0.1).delivered(0.8)
                .read(0.5).duplicates(0).outOfOrder(0).build());
        assertThat(new DemoSettingsForm(0, 40, 4, 92, 65, 3, 5).problem(base))
                .hasValueSatisfying(p -> assertThat(p).contains("messages per second"));
    }
}
