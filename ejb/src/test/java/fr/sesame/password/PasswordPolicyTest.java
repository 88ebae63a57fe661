package fr.sesame.password;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static fr.sesame.password.PasswordRule.COMMON_PASSWORD;
import static fr.sesame.password.PasswordRule.CONTAINS_IDENTIFIANT;
import static fr.sesame.password.PasswordRule.CONTAINS_NAME;
import static fr.sesame.password.PasswordRule.NO_DIGIT;
import static fr.sesame.password.PasswordRule.NO_LOWERCASE;
import static fr.sesame.password.PasswordRule.NO_SPECIAL;
import static fr.sesame.password.PasswordRule.NO_UPPERCASE;
import static fr.sesame.password.PasswordRule.TOO_LONG;
import static fr.sesame.password.PasswordRule.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PasswordPolicyTest {

    private static final PasswordContext CLAIRE = new PasswordContext("cmartin", "Claire", "Martin");
    private static final PasswordContext MARC = new PasswordContext("referent1", "Marc", "Durand");
    private static final PasswordContext EMILIE = new PasswordContext("elambert", "Émilie", "Lambert");
    private static final PasswordContext NOBODY = new PasswordContext(null, null, null);

    /** Twelve characters of every kind, nobody's name, in no list. */
    private static final String GOOD = "Gx7#kPq2!zwr";

    private final PasswordPolicy policy = new PasswordPolicy(12);

    @Test
    void aPasswordThatMeetsEveryRuleIsAcceptable() {
        PasswordCheck check = policy.check(GOOD, CLAIRE);

        assertThat(check.broken()).isEmpty();
        assertThat(check.acceptable()).isTrue();
    }

    @Nested
    class EachRuleOnItsOwn {

        @Test
        void tooShort() {
            assertThat(policy.check("Gx7#kPq2!zw", CLAIRE).broken()).containsExactly(TOO_SHORT);
        }

        @Test
        void tooLong() {
            String longest = GOOD.repeat(10) + "Ab3!Ab3!";

            assertThat(longest).hasSize(128);
            assertThat(policy.check(longest, CLAIRE).broken()).isEmpty();
            assertThat(policy.check(longest + "x", CLAIRE).broken()).containsExactly(TOO_LONG);
        }

        @Test
        void noLowerCaseLetter() {
            assertThat(policy.check("GX7#KPQ2!ZWR", CLAIRE).broken()).containsExactly(NO_LOWERCASE);
        }

        @Test
        void noUpperCaseLetter() {
            assertThat(policy.check("gx7#kpq2!zwr", CLAIRE).broken()).containsExactly(NO_UPPERCASE);
        }

        @Test
        void noDigit() {
            assertThat(policy.check("Gxq#kPqv!zwr", CLAIRE).broken()).containsExactly(NO_DIGIT);
        }

        @Test
        void noSpecialCharacter() {
            assertThat(policy.check("Gx7hkPq2vzwr", CLAIRE).broken()).containsExactly(NO_SPECIAL);
        }

        @Test
        void containsTheIdentifiant() {
            assertThat(policy.check("Zx!referent1-ok", MARC).broken()).containsExactly(CONTAINS_IDENTIFIANT);
        }

        @Test
        void containsAName() {
            assertThat(policy.check("Xq7!durand#Kp", MARC).broken()).containsExactly(CONTAINS_NAME);
        }

        @Test
        void isACommonPassword() {
            assertThat(policy.check("Motdepasse2026!", CLAIRE).broken()).containsExactly(COMMON_PASSWORD);
        }
    }

    @Test
    void listsEveryBrokenRuleInTheRulesOrder() {
        PasswordCheck check = policy.check("martin", CLAIRE);

        assertThat(check.broken()).containsExactly(TOO_SHORT, NO_UPPERCASE, NO_DIGIT, NO_SPECIAL, CONTAINS_NAME);
        assertThat(check.acceptable()).isFalse();
    }

    @Nested
    class MinimumLength {

        @Test
        void twelveIsKeptAsConfigured() {
            assertThat(policy.minimumLength()).isEqualTo(12);
        }

        @Test
        void aHigherMinimumIsKept() {
            PasswordPolicy strict = new PasswordPolicy(14);

            assertThat(strict.minimumLength()).isEqualTo(14);
            assertThat(strict.check("Gx7#kPq2!zwrT", CLAIRE).broken()).containsExactly(TOO_SHORT);
            assertThat(strict.check("Gx7#kPq2!zwrTy", CLAIRE).broken()).isEmpty();
        }

        @Test
        void aMinimumBelowTenIsRaisedToTen() {
            PasswordPolicy lax = new PasswordPolicy(8);

            assertThat(lax.minimumLength()).isEqualTo(10);
            assertThat(lax.check("Gx7#kPq2!", CLAIRE).broken()).containsExactly(TOO_SHORT);
            assertThat(lax.check("Gx7#kPq2!z", CLAIRE).broken()).isEmpty();
        }

        @Test
        void noMinimumConfiguredAtAllStillMeansTen() {
            assertThat(new PasswordPolicy(0).minimumLength()).isEqualTo(10);
            assertThat(new PasswordPolicy(-5).minimumLength()).isEqualTo(10);
        }
    }

    @Nested
    class Identity {

        @Test
        void theIdentifiantCountsWhateverItsCase() {
            assertThat(policy.check("Zx!REFERENT1-ok", MARC).broken()).containsExactly(CONTAINS_IDENTIFIANT);
            assertThat(policy.check("Zx!Referent1-ok", MARC).broken()).containsExactly(CONTAINS_IDENTIFIANT);
        }

        @Test
        void aNameCountsWithoutItsAccents() {
            assertThat(policy.check("Xk#emilie2026!", EMILIE).broken()).containsExactly(CONTAINS_NAME);
        }

        @Test
        void aNameCountsWhenTheAccentIsInThePasswordOnly() {
            PasswordContext unaccented = new PasswordContext("elambert", "Emilie", "Lambert");

            assertThat(policy.check("Xk#ÉMILIE2026!", unaccented).broken()).containsExactly(CONTAINS_NAME);
        }

        @Test
        void aCompoundGivenNameCountsByItsParts() {
            PasswordContext jeanPierre = new PasswordContext("jplemaitre", "Jean-Pierre", "Lemaître");

            assertThat(policy.check("Zx7!pierre#Kq", jeanPierre).broken()).containsExactly(CONTAINS_NAME);
            assertThat(policy.check("Zx7!JEAN#Kqvw", jeanPierre).broken()).containsExactly(CONTAINS_NAME);
            assertThat(policy.check("Zx7!lemaitre#K", jeanPierre).broken()).containsExactly(CONTAINS_NAME);
        }

        @Test
        void aSurnameWithAnApostropheCountsByItsParts() {
            PasswordContext carla = new PasswordContext("cdalmeida", "Carla", "D'Almeida");

            assertThat(policy.check("Almeida#2026zz", carla).broken()).containsExactly(CONTAINS_NAME);
            // The typographic apostrophe a directory may hold separates parts as well.
            assertThat(policy.check("Almeida#2026zz", new PasswordContext(null, null, "D’Almeida")).broken())
                    .containsExactly(CONTAINS_NAME);
        }

        @Test
        void namePartsShorterThanThreeLettersAreIgnored() {
            PasswordContext yiLeGall = new PasswordContext("ylegall", "Yi", "Le Gall");

            assertThat(policy.check("Oublie-le-yi-2026!", yiLeGall).broken()).isEmpty();
            assertThat(policy.check("Oublie-GALL-2026!", yiLeGall).broken()).containsExactly(CONTAINS_NAME);
            assertThat(policy.check("Xd#2026vqwrtz", new PasswordContext(null, null, "D'Almeida")).broken()).isEmpty();
        }

        @Test
        void anUnknownIdentityRefusesNothing() {
            assertThat(policy.check(GOOD, NOBODY).broken()).isEmpty();
            assertThat(policy.check(GOOD, null).broken()).isEmpty();
            assertThat(policy.check("Xk#emilie2026!", NOBODY).broken()).isEmpty();
        }
    }

    @Nested
    class CommonPasswordsRefused {

        @Test
        void azerty123WithAnExclamationMark() {
            assertThat(new PasswordPolicy(10).check("Azerty123!", CLAIRE).broken()).containsExactly(COMMON_PASSWORD);
            assertThat(policy.check("Azerty123!", CLAIRE).broken()).containsExactly(TOO_SHORT, COMMON_PASSWORD);
        }

        @Test
        void whateverTheCase() {
            assertThat(policy.check("mOTDEPASSE2026!", CLAIRE).broken()).containsExactly(COMMON_PASSWORD);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Soleil2026!!", "!!Soleil2026", "2026#Marseille", "Amiens2024!!", "Jetaime-1234", "Éducation2026!"})
        void aFrenchOneDecoratedWithDigitsAndSymbols(String candidate) {
            assertThat(policy.check(candidate, CLAIRE).broken()).containsExactly(COMMON_PASSWORD);
        }

        @Test
        void butNotAPassphraseThatMerelyContainsACommonWord() {
            assertThat(policy.check("Soleil levant sur la Somme 2026", CLAIRE).broken()).isEmpty();
        }
    }

    @Nested
    class WhatIsTyped {

        @ParameterizedTest
        @NullAndEmptySource
        void nothingBreaksTheLengthAndEveryKindOfCharacter(String nothing) {
            PasswordCheck check = policy.check(nothing, CLAIRE);

            assertThat(check.broken()).containsExactly(TOO_SHORT, NO_LOWERCASE, NO_UPPERCASE, NO_DIGIT, NO_SPECIAL);
            assertThat(check.strength()).isZero();
        }

        @Test
        void spacesAloneCountOnlyAsSpecialCharacters() {
            assertThat(policy.check("   ", CLAIRE).broken()).containsExactly(TOO_SHORT, NO_LOWERCASE, NO_UPPERCASE, NO_DIGIT);
        }

        @Test
        void accentedLettersAndSpacesAreWelcome() {
            assertThat(policy.check("Été à Amiens, 2026 !", CLAIRE).broken()).isEmpty();
        }

        @Test
        void anAccentedLetterCountsAsALetterOfItsCase() {
            assertThat(policy.check("PLAGE D’ÉTÉ 2026 à", CLAIRE).broken()).isEmpty();
            assertThat(policy.check("plage d’été 2026 À", CLAIRE).broken()).isEmpty();
            assertThat(policy.check("ÉTÉ À AMIENS, 2026 !", CLAIRE).broken()).containsExactly(NO_LOWERCASE);
        }

        @Test
        void anAccentedLetterIsNotASpecialCharacter() {
            assertThat(policy.check("Éléphantvert2026", CLAIRE).broken()).containsExactly(NO_SPECIAL);
        }

        @Test
        void aSpaceOrATypographicApostropheIsASpecialCharacter() {
            assertThat(policy.check("Plage du nord 2026", CLAIRE).broken()).isEmpty();
            assertThat(policy.check("Plaged’Ault2026", CLAIRE).broken()).isEmpty();
        }

        @Test
        void anAccentTypedAsACombiningMarkCountsAsOneLetter() {
            // "e" then U+0301: eleven characters as sent, ten letters as seen.
            assertThat(policy.check("Ge\u0301ant#2026", CLAIRE).broken()).containsExactly(TOO_SHORT);
        }

        @Test
        void tenThousandCharactersAreAnsweredQuickly() {
            String huge = GOOD.repeat(834).substring(0, 10_000);

            PasswordCheck check = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> policy.check(huge, CLAIRE));

            assertThat(check.broken()).containsExactly(TOO_LONG);
        }

        @Test
        void tenThousandLookAlikeCharactersAreAnsweredQuicklyToo() {
            // The input known to make zxcvbn's look-alike matching explode.
            String crafted = "4@8({[</369&#!1/|0$5+7%2/".repeat(400);

            PasswordCheck check = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> policy.check(crafted, CLAIRE));

            assertThat(check.broken()).containsExactly(TOO_LONG, NO_LOWERCASE, NO_UPPERCASE);
        }
    }

    @Nested
    class Strength {

        // The scores are zxcvbn4j 1.9.0's own answers.

        @Test
        void aLongPassphraseIsStrong() {
            assertThat(policy.check("Cheval agrafe batterie correcte 2026", CLAIRE).strength()).isEqualTo(4);
        }

        @Test
        void password1IsWeak() {
            assertThat(policy.check("Password1!", CLAIRE).strength()).isEqualTo(1);
        }

        @Test
        void theAgentsOwnWordsAreEasyGuesses() {
            assertThat(policy.check("EmilieLambert2026!", NOBODY).strength()).isEqualTo(4);
            assertThat(policy.check("EmilieLambert2026!", EMILIE).strength()).isEqualTo(3);
        }

        @Test
        void strengthDoesNotDecideAcceptability() {
            PasswordCheck weakButAcceptable = policy.check("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaA1!", CLAIRE);

            assertThat(weakButAcceptable.strength()).isZero();
            assertThat(weakButAcceptable.acceptable()).isTrue();
        }
    }

    @Nested
    class Verdict {

        @Test
        void eachRuleHasItsBundleKey() {
            assertThat(TOO_SHORT.bundleKey()).isEqualTo("password.rule.TOO_SHORT");
            assertThat(COMMON_PASSWORD.bundleKey()).isEqualTo("password.rule.COMMON_PASSWORD");
        }

        @Test
        void keepsTheRulesInTheirOrderOnceEach() {
            PasswordCheck check = new PasswordCheck(java.util.List.of(COMMON_PASSWORD, TOO_SHORT, COMMON_PASSWORD), 1);

            assertThat(check.broken()).containsExactly(TOO_SHORT, COMMON_PASSWORD);
        }

        @Test
        void cannotBeChangedAfterwards() {
            PasswordCheck check = policy.check("short", CLAIRE);

            assertThatThrownBy(() -> check.broken().add(TOO_LONG)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void refusesAStrengthZxcvbnNeverGives() {
            assertThatThrownBy(() -> new PasswordCheck(java.util.List.of(), 5)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
