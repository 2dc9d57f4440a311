package io.tickwatch.ui.common;

import io.tickwatch.live.TimeRange;
import io.tickwatch.model.PhoneMask;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the viewer chose for every screen of one window: the time range and the time zone for display.
 * FX thread only. Owned by the window, so listeners on it die with the window.
 */
public final class DisplaySettings {

    private final ZoneId localZone;
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(TimeRange.LAST_HOUR);
    private final ObjectProperty<ZoneId> zone;
    private final BooleanProperty privacy = new SimpleBooleanProperty(false);

    /** @param localZone what "local" means (the machine's zone; tests pass another one) */
    public DisplaySettings(ZoneId localZone) {
        this.localZone = localZone;
        this.zone = new SimpleObjectProperty<>(localZone);
    }

    public ObjectProperty<TimeRange> rangeProperty() {
        return range;
    }

    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    /** Privacy mode: every phone number shown or exported is masked (issue #5; clients watch demos). */
    public BooleanProperty privacyProperty() {
        return privacy;
    }

    /** A phone as the screen shows it: masked in privacy mode ("+91 98••• ••210"), else as stored. */
    public String phone(String phone) {
        return privacy.get() ? PhoneMask.mask(phone) : phone;
    }

    /** A raw request body as the screen shows it: its phone members masked in privacy mode. */
    public String body(String body) {
        return privacy.get() ? PhoneMask.maskBody(body) : body;
    }

    /** Free text that may quote a phone (a reason, a header, an answer): phone-like numbers masked in privacy mode. */
    public String text(String text) {
        return privacy.get() ? PhoneMask.maskAll(text) : text;
    }

    public ZoneId localZone() {
        return localZone;
    }

    public void useUtc(boolean utc) {
        zone.set(utc ? ZoneOffset.UTC : localZone);
    }

    /** Applies the time-zone setting: "local", "UTC" or a zone id (already validated by the settings rules). */
    public void useZone(String timeZoneSetting) {
        zone.set(switch (timeZoneSetting) {
            case "local" -> localZone;
            case "UTC" -> ZoneOffset.UTC;
            default -> ZoneId.of(timeZoneSetting);
        });
    }

    public boolean isUtc() {
        return zone.get().equals(ZoneOffset.UTC);
    }
}
