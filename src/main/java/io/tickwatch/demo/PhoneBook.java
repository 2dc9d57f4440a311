package io.tickwatch.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The recipients of the demo campaign: plausible mobile numbers, mostly Indian (+91, where Tickwatch's
 * users mostly send), some from other big WhatsApp markets. Digits only, without "+", as providers send
 * {@code recipient_id}.
 */
final class PhoneBook {

    /** A country's mobile numbers: country code, then one of the mobile prefixes, then random digits. */
    private record Country(String code, String[] prefixes, int digitsAfterPrefix, int weight) {
    }

    private static final List<Country> COUNTRIES = List.of(
            new Country("91", new String[] {"6", "7", "8", "9"}, 9, 70),            // India, 10-digit mobiles
            new Country("62", new String[] {"812", "813", "821", "852", "857"}, 8, 8), // Indonesia (Telkomsel, …)
            new Country("55", new String[] {"119", "219", "319"}, 8, 7),             // Brazil: São Paulo, Rio, BH
            new Country("971", new String[] {"50", "52", "55", "56"}, 7, 5),         // United Arab Emirates
            new Country("44", new String[] {"7"}, 9, 4),                              // United Kingdom
            new Country("234", new String[] {"803", "806", "813", "703"}, 7, 3),      // Nigeria
            new Country("1", new String[] {"415", "646", "312", "512"}, 7, 3));       // United States
    private static final int TOTAL_WEIGHT = COUNTRIES.stream().mapToInt(Country::weight).sum();

    private final List<String> numbers;

    PhoneBook(int size, Random random) {
        Set<String> distinct = new LinkedHashSet<>();
        while (distinct.size() < size) {
            distinct.add(draw(random));
        }
        this.numbers = List.copyOf(new ArrayList<>(distinct));
    }

    private static String draw(Random random) {
        int x = random.nextInt(TOTAL_WEIGHT);
        Country country = COUNTRIES.get(COUNTRIES.size() - 1);
        for (Country c : COUNTRIES) {
            x -= c.weight();
            if (x < 0) {
                country = c;
                break;
            }
        }
        StringBuilder b = new StringBuilder(country.code())
                .append(country.prefixes()[random.nextInt(country.prefixes().length)]);
        for (int i = 0; i < country.digitsAfterPrefix(); i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    /** A recipient for the next message: uniformly one of the pool. */
    String pick(Random random) {
        return numbers.get(random.nextInt(numbers.size()));
    }

    int size() {
        return numbers.size();
    }
}
