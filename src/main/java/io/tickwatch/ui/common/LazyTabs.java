package io.tickwatch.ui.common;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tab;

/**
 * Tabs whose screens are built from their FXML the first time they are selected, not when the window opens:
 * at start only the overview is on screen, and building every screen's tables and forms (FXML, the
 * theme's CSS, the first layout, in software rendering) was most of the time a window took to open.
 * The screens' view-models exist from the start and read their data at once, so a screen shows its
 * rows as soon as it is built. FX thread only.
 */
public final class LazyTabs {

    private final ObservableValue<Tab> selection;
    private final Map<Tab, Runnable> builders = new HashMap<>();
    private final ChangeListener<Tab> selected = (obs, old, now) -> build(now);

    public LazyTabs(ObservableValue<Tab> selection) {
        this.selection = selection;
        selection.addListener(selected);
    }

    /** Builds {@code view} with {@code controller} into {@code tab} when the tab is first selected. */
    public <T> LazyTabs add(Tab tab, Fxml view, Class<T> type, T controller) {
        builders.put(tab, () -> tab.setContent(new ControllerFactory().register(type, () -> controller)
                .load(view).getRoot()));
        if (selection.getValue() == tab) {
            build(tab);
        }
        return this;
    }

    private void build(Tab tab) {
        Runnable builder = builders.remove(tab);
        if (builder != null) {
            builder.run();
        }
    }

    /** Whether the tab's screen has been built. */
    public boolean built(Tab tab) {
        return !builders.containsKey(tab);
    }

    public void close() {
        selection.removeListener(selected);
        builders.clear();
    }
}
