package io.tickwatch.ui.overview;

import io.tickwatch.live.OverviewData;
import io.tickwatch.store.LatencyStats;
import io.tickwatch.ui.common.DisplaySettings;
import io.tickwatch.ui.common.Format;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Controller of {@code overview.fxml}: KPI tiles, funnel, throughput and latency charts, and the
 * empty-state panel. Redraws charts only when the view-model holds new aggregates or the zone changes.
 * Its listeners sit on its own view-model and the window's settings, so they die with the window.
 */
public final class OverviewController {

    private final OverviewViewModel model;
    private final DisplaySettings display;

    @FXML private Label kpiMessages;
    @FXML private Label kpiSent;
    @FXML private Label kpiDelivered;
    @FXML private Label kpiDeliveredDetail;
    @FXML private Label kpiRead;
    @FXML private Label kpiReadDetail;
    @FXML private Label kpiFailed;
    @FXML private Label kpiFailedDetail;
    @FXML private Label kpiDeliverMedian;
    @FXML private Label kpiDeliverP90;
    @FXML private Label kpiReadMedian;
    @FXML private Label kpiReadP90;
    @FXML private Label kpiRate;
    @FXML private BarChart<String, Number> funnelChart;
    @FXML private LineChart<Number, Number> throughputChart;
    @FXML private NumberAxis throughputTime;
    @FXML private BarChart<String, Number> latencyChart;
    @FXML private VBox emptyState;
    @FXML private TextArea curlCommand;

    private final XYChart.Series<String, Number> funnel = new XYChart.Series<>();
    private final XYChart.Series<String, Number> deliverLatency = new XYChart.Series<>();
    private final XYChart.Series<String, Number> readLatency = new XYChart.Series<>();
    private final List<XYChart.Series<Number, Number>> throughput = List.of(new XYChart.Series<>(),
            new XYChart.Series<>(), new XYChart.Series<>(), new XYChart.Series<>());
    private OverviewData drawn = OverviewData.NONE;
    private final ChangeListener<OverviewData> dataChanged = (obs, old, now) -> draw(now);
    private final ChangeListener<ZoneId> zoneChanged = (obs, old, now) -> redrawTimeAxis();

    public OverviewController(OverviewViewModel model, DisplaySettings display) {
        this.model = model;
        this.display = display;
    }

    @FXML
    private void initialize() {
        kpiMessages.textProperty().bind(model.messagesProperty());
        kpiSent.textProperty().bind(model.sentProperty());
        kpiDelivered.textProperty().bind(model.deliveredProperty());
        kpiDeliveredDetail.textProperty().bind(model.deliveredDetailProperty());
        kpiRead.textProperty().bind(model.readProperty());
        kpiReadDetail.textProperty().bind(model.readDetailProperty());
        kpiFailed.textProperty().bind(model.failedProperty());
        kpiFailedDetail.textProperty().bind(model.failedDetailProperty());
        kpiDeliverMedian.textProperty().bind(model.deliverMedianProperty());
        kpiDeliverP90.textProperty().bind(model.deliverP90Property());
        kpiReadMedian.textProperty().bind(model.readMedianProperty());
        kpiReadP90.textProperty().bind(model.readP90Property());
        kpiRate.textProperty().bind(model.rateProperty());
        emptyState.visibleProperty().bind(model.storeEmptyProperty());
        curlCommand.textProperty().bind(model.curlCommandProperty());

        funnel.setName("messages");
        for (String step : List.of("Sent", "Delivered", "Read", "Failed")) {
            funnel.getData().add(new XYChart.Data<>(step, 0));
        }
        funnelChart.getData().add(funnel);
        deliverLatency.setName("time to deliver");
        readLatency.setName("time to read");
        for (String bucket : LatencyStats.BUCKET_LABELS) {
            deliverLatency.getData().add(new XYChart.Data<>(bucket, 0));
            readLatency.getData().add(new XYChart.Data<>(bucket, 0));
        }
        latencyChart.getData().addAll(List.of(deliverLatency, readLatency));
        for (int i = 0; i < throughput.size(); i++) {
            throughput.get(i).setName(OverviewCharts.STATUSES.get(i));
        }
        throughputChart.getData().addAll(throughput);
        model.dataProperty().addListener(dataChanged);
        display.zoneProperty().addListener(zoneChanged);
        drawTimeAxis(drawn);
        draw(model.dataProperty().get());
    }

    /** Redraws only the charts whose data changed: a refresh publishes funnel, throughput and latency in turn. */
    private void draw(OverviewData d) {
        if (!d.funnel().equals(drawn.funnel())) {
            OverviewCharts.funnel(funnel, d.funnel());
        }
        if (!d.latency().equals(drawn.latency())) {
            OverviewCharts.latency(deliverLatency, readLatency, d.latency());
        }
        if (!d.throughput().equals(drawn.throughput()) || d.since() != drawn.since() || d.until() != drawn.until()) {
            drawThroughput(d);
        }
        drawn = d;
    }

    private void drawThroughput(OverviewData d) {
        List<List<XYChart.Data<Number, Number>>> points = OverviewCharts.throughput(d);
        for (int i = 0; i < throughput.size(); i++) {
            ObservableList<XYChart.Data<Number, Number>> shown = throughput.get(i).getData();
            List<XYChart.Data<Number, Number>> fresh = points.get(i);
            if (shown.size() == fresh.size()) { // the usual live case: move the existing points, no new nodes
                for (int j = 0; j < fresh.size(); j++) {
                    shown.get(j).setXValue(fresh.get(j).getXValue());
                    shown.get(j).setYValue(fresh.get(j).getYValue());
                }
            } else {
                shown.setAll(fresh);
            }
        }
        if (d.since() != drawn.since() || d.until() != drawn.until()) {
            drawTimeAxis(d);
        }
    }

    private void redrawTimeAxis() {
        drawTimeAxis(model.dataProperty().get());
    }

    /** Bounds, ticks and labels of the time axis; set only when they change, as each change re-lays the axis out. */
    private void drawTimeAxis(OverviewData d) {
        long span = Math.max(d.until() - d.since(), 1);
        ZoneId zone = display.zoneProperty().get();
        long tick = tickFor(span);
        throughputTime.setLowerBound(Math.floorDiv(d.since(), tick) * tick); // ticks on round times
        throughputTime.setUpperBound(Math.max(d.until(), d.since() + 1));
        throughputTime.setTickUnit(tick);
        throughputTime.setLabel("time (" + Format.zone(zone) + ")");
        throughputTime.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number millis) {
                return Format.chartTime(millis.longValue(), zone, span);
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
    }

    private static final long[] TICKS = {10_000, 30_000, 60_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000,
            10_800_000, 21_600_000, 43_200_000, 86_400_000};

    /** A round tick unit giving at most eight labels, so they never overlap. */
    static long tickFor(long spanMillis) {
        for (long t : TICKS) {
            if (spanMillis / t <= 8) {
                return t;
            }
        }
        return (spanMillis / 8 / 86_400_000 + 1) * 86_400_000;
    }

    @FXML
    private void copyCurl() {
        ClipboardContent content = new ClipboardContent();
        content.putString(curlCommand.getText());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Called when the window closes: nothing outside this window refers to the controller any more. */
    public void close() {
        model.dataProperty().removeListener(dataChanged);
        display.zoneProperty().removeListener(zoneChanged);
    }
}
