package fr.sesame.password;

import java.util.List;

/**
 * The verdict on a candidate password: the rules it breaks, in {@link PasswordRule}'s order, and
 * zxcvbn's strength from 0 (guessed at once) to 4 (very hard to guess). The strength only informs
 * the agent; whether the password is accepted depends on the rules alone.
 */
public record PasswordCheck(List<PasswordRule> broken, int strength) {

    public PasswordCheck {
        if (strength < 0 || strength > 4) {
            throw new IllegalArgumentException("zxcvbn's strength is 0 to 4, not " + strength);
        }
        broken = broken.stream().distinct().sorted().toList();
    }

    public boolean acceptable() {
        return broken.isEmpty();
    }
}
