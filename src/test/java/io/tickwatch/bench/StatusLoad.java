package io.tickwatch.bench;

import io.tickwatch.testing.Webhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load generator in its own JVM, so the dashboard benchmark measures Tickwatch's process, not the
 * sender's allocations: posts on-premises webhooks of 100 statuses (sent, delivered, read of new
 * messages) at a target rate for some seconds, at most 64 requests in flight, and prints one line
 * {@code accepted=N refused=M seconds=S}.
 * <pre>java -cp … io.tickwatch.bench.StatusLoad URL STATUSES_PER_SECOND SECONDS PHONES</pre>
 */
public final class StatusLoad {

    private static final int PER_REQUEST = 100;

    private StatusLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int phones = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newHttpClient();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = 1_000_000L * PER_REQUEST / rate;
        System.out.println("sending"); // this JVM has started: what is measured from here is statuses arriving
        System.out.flush();
        long start = System.nanoTime();
        load.scheduleAtFixedRate(() -> {
            if (inFlight.get() > 64) {
                return; // the receiver cannot keep up: do not queue without bound on our side either
            }
            long ts = Instant.now().getEpochSecond();
            String[] items = new String[PER_REQUEST];
            for (int i = 0; i < PER_REQUEST; i++) {
                long n = sequence.getAndIncrement();
                long msg = n / 3;
                String status = switch ((int) (n % 3)) {
                    case 0 -> "sent";
                    case 1 -> "delivered";
                    default -> "read";
                };
                items[i] = Webhooks.status("wamid.load" + msg, status, Long.toString(ts), "9198" + (76_543_000 + msg % phones));
            }
            inFlight.incrementAndGet();
            http.sendAsync(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(Webhooks.onPremises(items)))
                            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        inFlight.decrementAndGet();
                        if (e == null && r.statusCode() == 200) {
                            accepted.addAndGet(PER_REQUEST);
                        } else {
                            refused.addAndGet(PER_REQUEST);
                        }
                    });
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        TimeUnit.SECONDS.sleep(seconds);
        load.shutdownNow();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "accepted=%d refused=%d seconds=%.3f%n", accepted.get(), refused.get(), elapsed);
        System.exit(0);
    }
}
