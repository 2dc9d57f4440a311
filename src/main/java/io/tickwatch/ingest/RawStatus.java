package io.tickwatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One status item as a format found it in a webhook body, not yet validated.
 *
 * @param index          position among all items of the request, as reported in {@code rejected}
 * @param path           where the item stands in the body, e.g. {@code entry[0].changes[1].value.statuses[3]}
 * @param item           the item itself, any JSON type
 * @param fallbackErrors the {@code errors} array standing beside the statuses (On-Premises layout), or null
 */
public record RawStatus(int index, String path, JsonNode item, JsonNode fallbackErrors) {
}
