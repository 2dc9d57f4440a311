package io.tickwatch.ui.overview;

import io.tickwatch.live.OverviewData;
import io.tickwatch.store.FunnelCounts;
import io.tickwatch.store.LatencyStats;
import io.tickwatch.store.ThroughputBucket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.XYChart;

/**
 * Turns one {@link OverviewData} into chart points. Funnel and latency points are updated in place
 * (no node churn); throughput series get one point per bucket, which {@link io.tickwatch.live.OverviewFeed}
 * bounds to about 90, gaps filled with zero. FX thread only.
 */
final class OverviewCharts {

    static final List<String> STATUSES = List.of("sent", "delivered", "read", "failed");

    private OverviewCharts() {
    }

    static void funnel(XYChart.Series<String, Number> series, FunnelCounts f) {
        long[] values = {f.sent(), f.delivered(), f.read(), f.failed()};
        for (int i = 0; i < values.length; i++) {
            series.getData().get(i).setYValue(values[i]);
        }
    }

    static void latency(XYChart.Series<String, Number> deliver, XYChart.Series<String, Number> read, LatencyStats l) {
        for (int i = 0; i < LatencyStats.BUCKETS.size(); i++) {
            deliver.getData().get(i).setYValue(l.deliverHistogram().get(i));
            read.getData().get(i).setYValue(l.readHistogram().get(i));
        }
    }

    /** Statuses per second in each bucket, one series per status in {@link #STATUSES} order. */
    static List<List<XYChart.Data<Number, Number>>> throughput(OverviewData d) {
        Map<String, Map<Long, Long>> byStatus = new HashMap<>();
        for (ThroughputBucket b : d.throughput()) {
            byStatus.computeIfAbsent(b.status(), k -> new HashMap<>()).merge(b.start(), b.count(), Long::sum);
        }
        double seconds = d.bucketMillis() / 1000.0;
        List<List<XYChart.Data<Number, Number>>> result = new ArrayList<>();
        for (String status : STATUSES) {
            Map<Long, Long> counts = byStatus.getOrDefault(status, Map.of());
            List<XYChart.Data<Number, Number>> points = new ArrayList<>();
            for (long t = d.since(); t < d.until(); t += d.bucketMillis()) {
                points.add(new XYChart.Data<>(t + d.bucketMillis() / 2, counts.getOrDefault(t, 0L) / seconds));
            }
            result.add(points);
        }
        return result;
    }
}
