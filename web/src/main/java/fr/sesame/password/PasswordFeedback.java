package fr.sesame.password;

import java.io.Serializable;
import java.util.List;

/**
 * The checklist beside a new-password field ({@code WEB-INF/includes/password-rules.xhtml}): which
 * rules the password typed so far meets, and how strong it is. Shared by the activation, change and
 * reset pages.
 */
public class PasswordFeedback implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int minimumLength;
    private transient PasswordCheck check;

    public PasswordFeedback(int minimumLength) {
        this.minimumLength = minimumLength;
    }

    /** The verdict on what is typed now; null when nothing is. */
    public void update(PasswordCheck verdict) {
        this.check = verdict;
    }

    public List<PasswordRule> getRules() {
        return PasswordRule.checklist();
    }

    public boolean isBroken(PasswordRule rule) {
        return check == null || check.broken().contains(rule);
    }

    public int getStrength() {
        return check == null ? 0 : check.strength();
    }

    public boolean isPasswordTyped() {
        return check != null;
    }

    public int getMinimumLength() {
        return minimumLength;
    }
}
