package io.tickwatch.ui.settings;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The searchable list of time zones beside the time-zone field: "local", "UTC", then every region id
 * the JDK knows, narrowed to those containing what is typed (case and {@code _} versus space ignored,
 * so "new york" finds America/New_York). FX thread only.
 */
final class ZoneChoices {

    private final FilteredList<String> shown;

    ZoneChoices() {
        List<String> all = new ArrayList<>(List.of("local", "UTC"));
        ZoneId.getAvailableZoneIds().stream().filter(id -> id.contains("/") && !id.startsWith("Etc/")
                && !id.startsWith("SystemV/")).sorted().forEach(all::add);
        shown = new FilteredList<>(FXCollections.observableList(all));
    }

    /** Narrows the list to what the field holds; an exact choice still shows its neighbours' matches. */
    void search(String typed) {
        String needle = normal(typed == null ? "" : typed.trim());
        shown.setPredicate(needle.isEmpty() ? null : id -> normal(id).contains(needle));
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    ObservableList<String> shown() {
        return shown;
    }
}
