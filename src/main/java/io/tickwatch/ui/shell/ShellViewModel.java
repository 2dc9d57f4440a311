package io.tickwatch.ui.shell;

import io.tickwatch.live.OverviewFeed;
import io.tickwatch.ui.common.Format;
import java.time.ZoneId;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The window frame's state: where webhooks go, which store, whether the receiver can take them,
 * queue depth and rate. Fed one snapshot per tick on the FX thread; knows no controls.
 */
public final class ShellViewModel {

    private final StringProperty webhookUrl;
    private final StringProperty store;
    private final StringProperty receiverState = new SimpleStringProperty("starting");
    private final StringProperty queueDepth = new SimpleStringProperty("queue 0");
    private final StringProperty statusRate = new SimpleStringProperty("0.0 statuses/s");
    private final StringProperty updatedAt = new SimpleStringProperty("");
    private final BooleanProperty storeDown = new SimpleBooleanProperty(false);

    public ShellViewModel(String webhookUrl, String storeDescription) {
        this.webhookUrl = new SimpleStringProperty(webhookUrl);
        this.store = new SimpleStringProperty(storeDescription);
    }

    public void show(OverviewFeed.Snapshot s, ZoneId zone) {
        storeDown.set(!s.storeReachable());
        receiverState.set(s.storeReachable() ? "Receiving" : "Answering 503 (store down)");
        queueDepth.set("queue " + Format.count(s.queuedItems()));
        statusRate.set(Format.perSecond(s.statusesPerSecond()).replace("/s", " statuses/s"));
        long at = s.data().refreshedAt();
        updatedAt.set(at == 0 ? "Waiting for the first refresh…"
                : "Updated " + Format.time(at, zone) + " " + Format.zone(zone) + " · "
                + Format.count(s.statusesSinceStart()) + " statuses since start");
    }

    public ReadOnlyStringProperty webhookUrlProperty() {
        return webhookUrl;
    }

    public ReadOnlyStringProperty storeProperty() {
        return store;
    }

    public ReadOnlyStringProperty receiverStateProperty() {
        return receiverState;
    }

    public ReadOnlyStringProperty queueDepthProperty() {
        return queueDepth;
    }

    public ReadOnlyStringProperty statusRateProperty() {
        return statusRate;
    }

    public ReadOnlyStringProperty updatedAtProperty() {
        return updatedAt;
    }

    public BooleanProperty storeDownProperty() {
        return storeDown;
    }

    /** The receiver moved (settings saved): the header shows where webhooks go now. */
    public void webhookUrl(String url) {
        webhookUrl.set(url);
    }

    public String webhookUrl() {
        return webhookUrl.get();
    }
}
