package io.tickwatch.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Builds the controllers an FXML file (and its includes) asks for, from constructors given here.
 * Fails fast: a controller class nobody registered, one asked for twice, or one registered but never
 * used is an error at load time, not a half-wired window.
 */
public final class ControllerFactory {

    private final Map<Class<?>, Supplier<?>> suppliers = new LinkedHashMap<>();
    private final Set<Class<?>> created = new HashSet<>();

    public <T> ControllerFactory register(Class<T> type, Supplier<? extends T> supplier) {
        if (suppliers.putIfAbsent(type, supplier) != null) {
            throw new IllegalStateException("controller registered twice: " + type.getName());
        }
        return this;
    }

    private Object create(Class<?> type) {
        Supplier<?> supplier = suppliers.get(type);
        if (supplier == null) {
            throw new IllegalStateException("no controller registered for " + type.getName());
        }
        if (!created.add(type)) {
            throw new IllegalStateException("controller requested twice: " + type.getName());
        }
        return supplier.get();
    }

    /** Loads the view; the root's controller is {@code loader.getController()}. */
    public FXMLLoader load(Fxml view) {
        URL url = ControllerFactory.class.getResource(view.resource());
        if (url == null) {
            throw new IllegalStateException("missing FXML resource " + view.resource());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(this::create);
        try {
            Parent ignored = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + view.resource(), e);
        }
        Set<Class<?>> unused = new HashSet<>(suppliers.keySet());
        unused.removeAll(created);
        if (!unused.isEmpty()) {
            throw new IllegalStateException(view.resource() + " did not use the controllers " + unused);
        }
        return loader;
    }
}
