package io.tickwatch.receiver.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Picks the format of a JSON body by its shape, in a fixed order; new formats are added to the list. */
public final class FormatDetector {

    private final List<WebhookFormat> formats;

    public FormatDetector(List<WebhookFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    public static FormatDetector standard() {
        return new FormatDetector(List.of(new CloudApiFormat(), new OnPremisesFormat()));
    }

    public ParsedWebhook parse(ObjectNode body) throws MalformedWebhook {
        for (WebhookFormat format : formats) {
            if (format.recognises(body)) {
                return format.parse(body);
            }
        }
        throw new MalformedWebhook("unrecognised webhook: expected a Cloud API envelope ('object', 'entry') "
                + "or an On-Premises body ('statuses')");
    }
}
