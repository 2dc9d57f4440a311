package io.tickwatch.http;

import static io.tickwatch.testing.Refusals.assertRefused;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DESIGN.md §3: without an API token, /api/* and /metrics answer loopback clients only (403 for others);
 * /webhook and /health are open to all. The remote client is this machine through its own non-loopback
 * address, so the server sees a non-loopback source.
 */
class LoopbackOnlyApiOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass(Map.of("TICKWATCH_BIND", "0.0.0.0"));

    static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) {
                continue;
            }
            Optional<InetAddress> v4 = Collections.list(nif.getInetAddresses()).stream()
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst();
            if (v4.isPresent()) {
                return v4.get();
            }
        }
        Assumptions.abort("this machine has no non-loopback IPv4 address to act as a remote client");
        return null;
    }

    static RunningTickwatch.Reply fromRemote(String method, String path, String body) throws SocketException {
        URI uri = URI.create("http://" + nonLoopbackAddress().getHostAddress() + ":" + tw.app().port() + path);
        return tw.send(HttpRequest.newBuilder(uri).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void aRemoteClientGets403FromTheApiAndMetrics() throws Exception {
        assertRefused(fromRemote("GET", "/api/messages", null), 403, "loopback_only");
        assertRefused(fromRemote("GET", "/api/funnel", null), 403, "loopback_only");
        assertRefused(fromRemote("GET", "/metrics", null), 403, "loopback_only");
    }

    @Test
    void aRemoteClientMayPostWebhooksAndAskForHealth() throws Exception {
        assertThat(fromRemote("POST", "/webhook", onPremises(status("remote.1", "sent", "1702207800", null))).status())
                .isEqualTo(200);
        assertThat(fromRemote("GET", "/health", null).status()).isEqualTo(200);
        assertThat(tw.message("remote.1").status()).as("a loopback client reads the API").isEqualTo(200);
        assertThat(tw.get("/metrics").status()).isEqualTo(200);
    }
}
