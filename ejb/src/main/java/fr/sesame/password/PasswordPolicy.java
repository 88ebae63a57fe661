package fr.sesame.password;

import fr.sesame.platform.Folding;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.passay.CharacterRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules a new password must meet, as the specification sets them: a minimum length that an
 * académie may raise but never set below ten, at most 128 characters, the four kinds of character,
 * nothing of the agent's identity and nothing from the list of common passwords.
 *
 * <p>The verdict lists every broken rule at once, so the agent fixes everything in one go, and never
 * throws: whatever is typed deserves an answer.
 */
@ApplicationScoped
public class PasswordPolicy {

    /** The specification's floor: a configured minimum below it is raised to it. */
    static final int LOWEST_MINIMUM = 10;
    /** Longer is refused everywhere, the directory's password check included. */
    public static final int MAXIMUM_LENGTH = 128;

    // No default here: the default minimum (12) is configuration, with the others in server.xml.
    @Inject
    @ConfigProperty(name = "sesame.password.min-length")
    int configuredMinimum;

    private PasswordValidator composition;
    private CommonPasswords commonPasswords;
    private StrengthMeter strengthMeter;

    /** For CDI. */
    public PasswordPolicy() {
    }

    public PasswordPolicy(int configuredMinimum) {
        this.configuredMinimum = configuredMinimum;
        prepare();
    }

    @PostConstruct
    void prepare() {
        // Passay's rules keep no state between validations: one validator serves every request.
        composition = new PasswordValidator(
                new LengthRule(minimumLength(), MAXIMUM_LENGTH),
                new CharacterRule(CharacterClass.LOWER_CASE, 1),
                new CharacterRule(CharacterClass.UPPER_CASE, 1),
                new CharacterRule(CharacterClass.DIGIT, 1),
                new CharacterRule(CharacterClass.SPECIAL, 1));
        commonPasswords = CommonPasswords.shipped();
        strengthMeter = new StrengthMeter();
    }

    /** The minimum length in force, for the rule and for the text that tells it. */
    public int minimumLength() {
        return Math.max(LOWEST_MINIMUM, configuredMinimum);
    }

    /**
     * Checks a candidate against every rule. A null candidate is taken as nothing typed, a null
     * context or null fields as an identity not known.
     */
    public PasswordCheck check(String candidate, PasswordContext context) {
        // A phone may send "é" as e and a combining accent: count it as the one letter the agent typed.
        String password = candidate == null ? "" : Normalizer.normalize(candidate, Normalizer.Form.NFC);
        IdentityWords identity = IdentityWords.of(context == null ? new PasswordContext(null, null, null) : context);
        String folded = Folding.fold(password);

        Set<PasswordRule> broken = EnumSet.noneOf(PasswordRule.class);
        composition.validate(new PasswordData(password)).getDetails()
                .forEach(detail -> broken.add(PasswordRule.valueOf(detail.getErrorCode())));
        if (identity.identifiantIn(folded)) {
            broken.add(PasswordRule.CONTAINS_IDENTIFIANT);
        }
        if (identity.nameIn(folded)) {
            broken.add(PasswordRule.CONTAINS_NAME);
        }
        if (commonPasswords.includes(folded)) {
            broken.add(PasswordRule.COMMON_PASSWORD);
        }
        return new PasswordCheck(List.copyOf(broken), strengthMeter.strengthOf(password, userInputs(context, identity)));
    }

    /** The agent's words as given and as folded: zxcvbn lower-cases them but keeps the accents. */
    private static List<String> userInputs(PasswordContext context, IdentityWords identity) {
        List<String> inputs = new ArrayList<>(identity.all());
        if (context != null) {
            Stream.of(context.identifiant(), context.givenName(), context.surname())
                    .filter(value -> value != null && !value.isBlank())
                    .forEach(inputs::add);
        }
        return inputs;
    }
}
