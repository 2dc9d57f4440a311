package io.tickwatch.ui.overview;

import io.tickwatch.live.OverviewData;
import io.tickwatch.live.OverviewFeed;
import io.tickwatch.store.FunnelCounts;
import io.tickwatch.store.LatencyStats;
import io.tickwatch.ui.common.Format;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The overview's state: KPI texts, the latest aggregates for the charts, and whether the store is
 * empty (then the view shows how to send a first webhook). Fed on the FX thread once per tick; the
 * aggregates are replaced only when the live model refreshed them, so charts redraw at most that often.
 */
public final class OverviewViewModel {

    private String webhookUrl;
    private final StringProperty curlCommand = new SimpleStringProperty("");
    private final StringProperty messages = new SimpleStringProperty("0");
    private final StringProperty sent = new SimpleStringProperty("0");
    private final StringProperty delivered = new SimpleStringProperty("–");
    private final StringProperty deliveredDetail = new SimpleStringProperty("");
    private final StringProperty read = new SimpleStringProperty("–");
    private final StringProperty readDetail = new SimpleStringProperty("");
    private final StringProperty failed = new SimpleStringProperty("–");
    private final StringProperty failedDetail = new SimpleStringProperty("");
    private final StringProperty deliverMedian = new SimpleStringProperty("–");
    private final StringProperty deliverP90 = new SimpleStringProperty("–");
    private final StringProperty readMedian = new SimpleStringProperty("–");
    private final StringProperty readP90 = new SimpleStringProperty("–");
    private final StringProperty rate = new SimpleStringProperty("0.0/s");
    private final BooleanProperty storeEmpty = new SimpleBooleanProperty(false);
    private final ObjectProperty<OverviewData> data = new SimpleObjectProperty<>(OverviewData.NONE);

    public OverviewViewModel(String webhookUrl) {
        this.webhookUrl = webhookUrl;
        curlCommand.set(curlCommand());
    }

    /** The receiver moved (settings saved): the ready-made command posts to the new URL. */
    public void webhookUrl(String url) {
        webhookUrl = url;
        curlCommand.set(curlCommand());
    }

    public StringProperty curlCommandProperty() {
        return curlCommand;
    }

    public void show(OverviewFeed.Snapshot s) {
        rate.set(Format.perSecond(s.statusesPerSecond()));
        OverviewData d = s.data();
        if (d.sequence() == data.get().sequence()) {
            return;
        }
        FunnelCounts f = d.funnel();
        messages.set(Format.count(f.messages()));
        sent.set(Format.count(f.sent()));
        delivered.set(Format.percent(f.deliveryRate()));
        deliveredDetail.set(Format.count(f.delivered()) + " of " + Format.count(f.sent()) + " sent");
        read.set(Format.percent(f.readRate()));
        readDetail.set(Format.count(f.read()) + " of " + Format.count(f.delivered()) + " delivered");
        failed.set(Format.percent(f.messages() == 0 ? null : (double) f.failed() / f.messages()));
        failedDetail.set(Format.count(f.failed()) + " of " + Format.count(f.messages()) + " messages");
        LatencyStats l = d.latency();
        deliverMedian.set(Format.duration(l.deliverMedian()));
        deliverP90.set(Format.duration(l.deliverP90()));
        readMedian.set(Format.duration(l.readMedian()));
        readP90.set(Format.duration(l.readP90()));
        storeEmpty.set(d.storeEmpty());
        data.set(d);
    }

    /** A command that posts one "sent" status to this receiver, ready to paste into a terminal. */
    public String curlCommand() {
        long now = Instant.now().getEpochSecond();
        return "curl -X POST '" + webhookUrl + "' -H 'Content-Type: application/json' \\\n  -d '{\"statuses\":[{"
                + "\"id\":\"wamid.TEST1\",\"status\":\"sent\",\"timestamp\":\"" + now
                + "\",\"recipient_id\":\"919876543210\"}]}'";
    }

    public StringProperty messagesProperty() { return messages; }
    public StringProperty sentProperty() { return sent; }
    public StringProperty deliveredProperty() { return delivered; }
    public StringProperty deliveredDetailProperty() { return deliveredDetail; }
    public StringProperty readProperty() { return read; }
    public StringProperty readDetailProperty() { return readDetail; }
    public StringProperty failedProperty() { return failed; }
    public StringProperty failedDetailProperty() { return failedDetail; }
    public StringProperty deliverMedianProperty() { return deliverMedian; }
    public StringProperty deliverP90Property() { return deliverP90; }
    public StringProperty readMedianProperty() { return readMedian; }
    public StringProperty readP90Property() { return readP90; }
    public StringProperty rateProperty() { return rate; }
    public BooleanProperty storeEmptyProperty() { return storeEmpty; }
    public ObjectProperty<OverviewData> dataProperty() { return data; }
}
