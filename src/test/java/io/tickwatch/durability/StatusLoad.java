package io.tickwatch.durability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Client threads posting On-Premises webhooks to one port until stopped, alternating one-status and
 * ten-status requests, each for new messages; every status answered 200 is recorded as acknowledged.
 */
final class StatusLoad {

    /** A status that got its 200: (message id, status, provider time in seconds). */
    record Acked(String id, String status, long at) {
    }

    private static final long BASE_SECONDS = 1_702_207_800L;

    private final Set<Acked> acked = ConcurrentHashMap.newKeySet();
    private final Semaphore ackedRequests = new Semaphore(0);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();

    StatusLoad(int port, String idPrefix, int clientCount) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI webhook = URI.create("http://127.0.0.1:" + port + "/webhook");
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            Thread t = new Thread(() -> post(http, webhook, idPrefix + ".c" + client, client), "load-" + c);
            t.setDaemon(true);
            clients.add(t);
        }
    }

    StatusLoad start() {
        clients.forEach(Thread::start);
        return this;
    }

    private void post(HttpClient http, URI webhook, String prefix, int client) {
        for (int n = 0; !stopped.get(); n++) {
            int size = n % 2 == 0 ? 1 : 10;
            List<Acked> items = new ArrayList<>(size);
            StringBuilder body = new StringBuilder("{\"statuses\":[");
            for (int i = 0; i < size; i++) {
                String id = prefix + ".n" + n + "." + i;
                String status = i % 3 == 0 ? "sent" : i % 3 == 1 ? "delivered" : "read";
                long at = BASE_SECONDS + n + i;
                items.add(new Acked(id, status, at));
                body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"status\":\"")
                        .append(status).append("\",\"timestamp\":\"").append(at)
                        .append("\",\"recipient_id\":\"9198765").append(client).append("0000\"}");
            }
            body.append("]}");
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    acked.addAll(items);
                    ackedRequests.release();
                }
            } catch (Exception e) {
                return; // the server is gone: this request was never acknowledged
            }
        }
    }

    /** Waits until this many requests were acknowledged (the load is really running). */
    void awaitAckedRequests(int count) throws InterruptedException {
        if (!ackedRequests.tryAcquire(count, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("load did not reach " + count + " acknowledged requests");
        }
        ackedRequests.release(count);
    }

    /** Stops the clients and waits for them; returns every acknowledged status. */
    Set<Acked> stop() throws InterruptedException {
        stopped.set(true);
        for (Thread t : clients) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        return Set.copyOf(acked);
    }
}
