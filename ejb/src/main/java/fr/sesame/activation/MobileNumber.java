package fr.sesame.activation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A French mobile number (06 or 07), the second channel for one-time codes. Kept in E.164 form, the
 * one SMS gateways expect. Numbers of the overseas départements keep their national 0690, 0694,
 * 0696/0697, 0692/0693 and 0639 form but not the +33 prefix: an SMS to +33 690… is never delivered.
 *
 * <p>{@link #toString()} gives the masked form: a phone number is personal data.
 *
 * @param e164 for example {@code +33612345678}
 */
public record MobileNumber(String e164) {

    /** Far more than any way of writing a number; anything longer is refused before any work. */
    private static final int LONGEST_TYPED = 40;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u2007\\u202F.\\-/]");
    private static final Pattern NATIONAL = Pattern.compile("0[67]\\d{8}");
    private static final Pattern INTERNATIONAL =
            Pattern.compile("(?:\\+|00)(33|590|594|596|262)(?:\\(0\\))?([67]\\d{8})");

    private static final Pattern E164 = Pattern.compile("\\+(33|590|594|596|262)([67]\\d{8})");

    private static final String METROPOLE = "33";

    /** National prefixes of overseas mobiles and their country code; everything else is +33. */
    private static final List<Overseas> OVERSEAS = List.of(
            new Overseas("0690", "590"), new Overseas("0691", "590"), // Guadeloupe, Saint-Martin, Saint-Barthélemy
            new Overseas("0694", "594"),                               // Guyane
            new Overseas("0696", "596"), new Overseas("0697", "596"), // Martinique
            new Overseas("0692", "262"), new Overseas("0693", "262"), // La Réunion
            new Overseas("0639", "262"));                              // Mayotte

    public MobileNumber {
        Matcher parts = e164 == null ? null : E164.matcher(e164);
        if (parts == null || !parts.matches() || !countryCodeOf("0" + parts.group(2)).equals(parts.group(1))) {
            throw new IllegalArgumentException("Not a French mobile number in E.164 form");
        }
    }

    /**
     * Reads a number as people write it: {@code 06 12 34 56 78}, {@code 06.12.34.56.78},
     * {@code +33 6 12 34 56 78}, {@code +33 (0)6 12 34 56 78}, {@code 0033612345678}.
     *
     * @return empty for anything but a mobile: landlines (01 to 05, 09), special numbers (08), wrong
     *         lengths, letters, null
     */
    public static Optional<MobileNumber> parse(String typed) {
        if (typed == null || typed.length() > LONGEST_TYPED) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(typed).replaceAll("");
        String national;
        String typedCountryCode;
        Matcher international = INTERNATIONAL.matcher(compact);
        if (international.matches()) {
            national = "0" + international.group(2);
            typedCountryCode = international.group(1);
        } else if (NATIONAL.matcher(compact).matches()) {
            national = compact;
            typedCountryCode = null;
        } else {
            return Optional.empty();
        }
        String countryCode = countryCodeOf(national);
        // +33 before an overseas number is a common slip and is corrected; +590 before a mainland
        // number is not a mobile at all.
        if (typedCountryCode != null && !typedCountryCode.equals(METROPOLE) && !typedCountryCode.equals(countryCode)) {
            return Optional.empty();
        }
        return Optional.of(new MobileNumber("+" + countryCode + national.substring(1)));
    }

    /** As the agent reads it on a French page: {@code 06 12 34 56 78}. */
    public String display() {
        String national = national();
        StringBuilder pairs = new StringBuilder(14);
        for (int i = 0; i < national.length(); i += 2) {
            if (i > 0) {
                pairs.append(' ');
            }
            pairs.append(national, i, i + 2);
        }
        return pairs.toString();
    }

    /** Enough to recognise one's own number, not to call it: {@code 06 ** ** ** 78}. */
    public String masked() {
        String national = national();
        return national.substring(0, 2) + " ** ** ** " + national.substring(8);
    }

    @Override
    public String toString() {
        return masked();
    }

    private String national() {
        Matcher parts = E164.matcher(e164);
        if (!parts.matches()) {
            throw new IllegalStateException("Checked at construction");
        }
        return "0" + parts.group(2);
    }

    private static String countryCodeOf(String national) {
        for (Overseas overseas : OVERSEAS) {
            if (national.startsWith(overseas.nationalPrefix())) {
                return overseas.countryCode();
            }
        }
        return METROPOLE;
    }

    private record Overseas(String nationalPrefix, String countryCode) {
    }
}
