package io.tickwatch.ui.common;

/** Every FXML view of the dashboard, in the top-level {@code fxml/} folder. */
public enum Fxml {
    DASHBOARD("/fxml/dashboard.fxml"),
    MESSAGES("/fxml/messages.fxml"),
    PHONES("/fxml/phones.fxml"),
    INSPECTOR("/fxml/inspector.fxml"),
    FAILURES("/fxml/failures.fxml"),
    ALERTS("/fxml/alerts.fxml"),
    SETTINGS("/fxml/settings.fxml");

    private final String resource;

    Fxml(String resource) {
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
