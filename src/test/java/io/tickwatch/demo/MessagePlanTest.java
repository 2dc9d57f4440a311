package io.tickwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.ingest.StatusValidator;
import io.tickwatch.model.StatusEvent;
import io.tickwatch.receiver.formats.FormatDetector;
import io.tickwatch.receiver.formats.ParsedWebhook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Single messages as the simulator plans them, and the bodies it writes: reproducible from a seed, never a
 * webhook before its status happened, late arrivals and duplicates exactly where planned, and bodies that the
 * receiver's own parsers read back into the planned statuses.
 */
class MessagePlanTest {

    private static final DemoConfig UNTIDY = DemoConfig.defaults().toBuilder().outOfOrder(0.3).duplicates(0.2)
            .failed(0.2).deliveredUnreported(0.2).seed(1L).build();

    private static List<MessagePlan> plans(DemoConfig c, long seed, int n) {
        Random random = new Random(seed);
        PhoneBook phones = new PhoneBook(c.phones(), random);
        List<MessagePlan> plans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            plans.add(MessagePlan.draw(c, random, phones, 1_714_558_530_000L + i * 100L));
        }
        return plans;
    }

    @Test
    void theSameSeedPlansTheSameMessages() {
        assertThat(plans(UNTIDY, 42, 200)).isEqualTo(plans(UNTIDY, 42, 200));
        assertThat(plans(UNTIDY, 42, 200)).isNotEqualTo(plans(UNTIDY, 43, 200));
    }

    @Test
    void webhooksGoOutAfterTheirStatusAndInOrderUnlessPlannedOtherwise() {
        for (MessagePlan p : plans(UNTIDY, 7, 2_000)) {
            List<Emission> originals = p.emissions().stream().filter(e -> !e.duplicate()).toList();
            assertThat(p.emissions()).allSatisfy(e -> assertThat(e.postAtMillis()).isGreaterThanOrEqualTo(e.eventAtMillis()));
            assertThat(p.emissions()).isSortedAccordingTo(java.util.Comparator.comparingLong(Emission::postAtMillis));
            assertThat(p.emissions()).allSatisfy(e -> assertThat(e.messageId()).isEqualTo(p.messageId()));
            boolean inStageOrder = true;
            for (int i = 1; i < originals.size(); i++) {
                inStageOrder &= originals.get(i).stage() >= originals.get(i - 1).stage();
            }
            assertThat(inStageOrder).as("message %s planned out of order: %s", p.messageId(), p.outOfOrder())
                    .isEqualTo(!p.outOfOrder());
            assertThat(p.emissions().stream().filter(Emission::duplicate).count()).isEqualTo(p.duplicates());
            for (Emission copy : p.emissions().stream().filter(Emission::duplicate).toList()) {
                assertThat(originals).anySatisfy(o -> {
                    assertThat(o.status()).isEqualTo(copy.status());
                    assertThat(o.timestampSeconds()).isEqualTo(copy.timestampSeconds());
                    assertThat(o.postAtMillis()).isLessThan(copy.postAtMillis());
                });
            }
        }
    }

    @Test
    void eachOutcomeHasItsStatusesAndOnlyFailuresCarryAMetaError() {
        for (MessagePlan p : plans(UNTIDY, 11, 2_000)) {
            List<String> statuses = p.emissions().stream().filter(e -> !e.duplicate()).map(Emission::status).sorted().toList();
            switch (p.outcome()) {
                case SENT -> assertThat(statuses).containsExactly("sent");
                case FAILED -> assertThat(statuses).containsExactly("failed", "sent");
                case DELIVERED -> assertThat(statuses).containsExactly("delivered", "sent");
                case READ -> assertThat(statuses).isIn(List.of("delivered", "read", "sent"), List.of("read", "sent"));
            }
            assertThat(p.emissions()).allSatisfy(e -> assertThat(e.failure() != null).isEqualTo(e.status().equals("failed")));
            assertThat(p.emissions()).allSatisfy(e -> assertThat(e.format()).isEqualTo(p.format()));
        }
    }

    @Test
    void theReceiversParsersReadBothFormatsBackIntoThePlannedStatuses() throws Exception {
        WebhookBodies bodies = new WebhookBodies();
        ObjectMapper json = new ObjectMapper();
        List<Emission> all = plans(UNTIDY, 5, 300).stream().flatMap(p -> p.emissions().stream()).toList();
        for (PayloadFormat format : PayloadFormat.values()) {
            List<Emission> items = all.stream().filter(e -> e.format() == format).toList();
            for (int from = 0; from < items.size(); from += 20) {
                List<Emission> chunk = items.subList(from, Math.min(items.size(), from + 20));
                check(format, chunk, bodies, json);
                for (Emission one : chunk) { // a lone item too: the On-Premises error then stands beside the statuses
                    check(format, List.of(one), bodies, json);
                }
            }
        }
    }

    private static void check(PayloadFormat format, List<Emission> items, WebhookBodies bodies, ObjectMapper json)
            throws Exception {
        String body = bodies.render(format, items);
        ParsedWebhook parsed = FormatDetector.standard().parse((ObjectNode) json.readTree(body));
        assertThat(parsed.format()).isEqualTo(format == PayloadFormat.CLOUD_API ? "cloud-api" : "on-premises");
        StatusValidator.Result result = new StatusValidator().validate(parsed.items(), 1L);
        assertThat(result.rejected()).isEmpty();
        List<StatusEvent> expected = items.stream().map(e -> new StatusEvent(e.messageId(), e.status(),
                e.timestampSeconds() * 1000, "+" + e.recipient(), e.failure() == null ? null : e.failure().code(),
                e.failure() == null ? null : e.failure().title(), 1L)).toList();
        assertThat(result.accepted()).isEqualTo(expected);
    }

    @Test
    void idsLookLikeMetasAndPhonesSpreadOverThePool() {
        Map<String, Integer> perPhone = new HashMap<>();
        for (MessagePlan p : plans(UNTIDY, 3, 4_000)) {
            assertThat(p.messageId()).matches("wamid\\.HBg[A-Za-z0-9+/]+=*");
            assertThat(java.util.Base64.getDecoder().decode(p.messageId().substring(6)))
                    .asString(java.nio.charset.StandardCharsets.ISO_8859_1).contains(p.recipient());
            perPhone.merge(p.recipient(), 1, Integer::sum);
        }
        assertThat(perPhone).hasSize(UNTIDY.phones());
        assertThat(perPhone.keySet().stream().filter(n -> n.startsWith("91")).count())
                .as("mostly Indian numbers").isGreaterThan(UNTIDY.phones() / 3);
    }

    @Test
    void aBadSettingIsRefusedByName() {
        DemoConfig.Builder b = DemoConfig.defaults().toBuilder();
        assertThatThrownBy(() -> b.messagesPerSecond(0).build()).hasMessageContaining("messages per second");
        assertThatThrownBy(() -> DemoConfig.defaults().toBuilder().phones(0).build()).hasMessageContaining("phones");
        assertThatThrownBy(() -> DemoConfig.defaults().toBuilder().read(1.5).build())
                .hasMessage("read probability must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> DemoConfig.defaults().toBuilder().duplicates(Double.NaN).build())
                .hasMessageContaining("duplicate probability");
        assertThatThrownBy(() -> new Delay(0, 1)).hasMessageContaining("median");
        assertThatThrownBy(() -> DemoConfig.defaults().toBuilder().timeCompression(0.5).build())
                .hasMessageContaining("time compression");
        assertThatThrownBy(() -> DemoConfig.defaults().toBuilder().maxStatusesPerRequest(1001).build())
                .hasMessageContaining("Meta's maximum");
    }
}
