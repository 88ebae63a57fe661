package fr.sesame.password;

import com.nulabinc.zxcvbn.Zxcvbn;

import java.util.List;

/**
 * zxcvbn's estimate of how hard a password is to guess, 0 to 4, counting the agent's own words
 * (identifiant, names) as guesses an attacker who knows them would make first.
 */
final class StrengthMeter {

    /**
     * zxcvbn tries every reading of look-alike characters (4 for a, 1 for i or l…) over every
     * substring, so its time grows steeply with the length: 128 crafted characters such as
     * "4@8({[</369&#!1/|0$5+7%2/" repeated take seconds of a server's processor, 32 take a tenth of a
     * second. A password strong in its first 32 characters already earns the top score, so the meter
     * reads no further.
     */
    static final int MEASURED_LENGTH = 32;

    // Building it reads zxcvbn's dictionaries, so once; each measure makes its own matchers, so
    // concurrent requests share it safely.
    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    int strengthOf(String password, List<String> userInputs) {
        if (password.isEmpty()) {
            return 0;
        }
        String measured = password.length() > MEASURED_LENGTH ? password.substring(0, MEASURED_LENGTH) : password;
        return ZXCVBN.measure(measured, userInputs).getScore();
    }
}
