package io.tickwatch.demo;

/** The two webhook layouts the simulator speaks (FORMATS.md §1 a and b). */
public enum PayloadFormat {
    /** Meta's envelope: object → entry[] → changes[] → value.statuses[]; also what 360dialog and Gupshup v3 relay. */
    CLOUD_API,
    /** The On-Premises / BSP layout: a top-level statuses[] (what the AiSensy guide shows). */
    ON_PREMISES
}
