package io.tickwatch.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.live.OverviewData;
import io.tickwatch.live.OverviewFeed;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The header's words for what the live model says: the banner shows exactly while the store is down. */
class ShellViewModelTest {

    private final ShellViewModel model = new ShellViewModel("http://127.0.0.1:8080/webhook", "H2 file");

    @Test
    void theBannerShowsWhileTheStoreIsUnreachableAndTheReceiverSaysSo() {
        model.show(new OverviewFeed.Snapshot(OverviewData.NONE, false, 0, 12, 0), ZoneOffset.UTC);
        assertThat(model.storeDownProperty().get()).isTrue();
        assertThat(model.receiverStateProperty().get()).isEqualTo("Answering 503 (store down)");
        assertThat(model.queueDepthProperty().get()).isEqualTo("queue 12");

        model.show(new OverviewFeed.Snapshot(OverviewData.NONE, true, 1234.4, 0, 99), ZoneOffset.UTC);
        assertThat(model.storeDownProperty().get()).isFalse();
        assertThat(model.receiverStateProperty().get()).isEqualTo("Receiving");
        assertThat(model.statusRateProperty().get()).isEqualTo("1234 statuses/s");
    }
}
