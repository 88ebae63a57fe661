package fr.sesame.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HelpArticlesTest {

    @Test
    void wordsAreFoldedCutAndStrippedOfCommonOnes() {
        assertThat(HelpArticles.wordsOf("J’ai oublié mon MOT de passe sur mon téléphone"))
                .containsExactly("oublie", "mot", "passe", "teleph");
        assertThat(HelpArticles.wordsOf("configurer")).containsExactly("config");
    }

    @Test
    void nothingUsableGivesNoWords() {
        assertThat(HelpArticles.wordsOf(null)).isEmpty();
        assertThat(HelpArticles.wordsOf("  à la de ")).isEmpty();
        assertThat(HelpArticles.wordsOf("*)(uid=*)")).containsExactly("uid");
    }

    @Test
    void aLongTextGivesAFewWordsOnly() {
        assertThat(HelpArticles.wordsOf("abcdef ".repeat(10_000) + "zzzzzz")).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void aNewArticleGetsAReadableAddress() {
        assertThat(HelpArticles.slugOf(null, "Configurer Outlook sur Windows 11 !")).isEqualTo("configurer-outlook-sur-windows-11");
        assertThat(HelpArticles.slugOf(" ", "Éléments d’aide")).isEqualTo("elements-d-aide");
        assertThat(HelpArticles.slugOf(null, "***")).isEqualTo("article");
    }

    @Test
    void settingsNamedInAnArticleAreFilledInAndOtherBracesStay() {
        String body = "Réception : {imap}, port {imap.port}. Lien valable {reset.minutes} minutes. {inconnu} {imap";
        assertThat(HelpArticleSettings.fill(body, java.util.Map.of("imap", "imap.ac-exemple.fr", "imap.port", "1993",
                "reset.minutes", "45")))
                .isEqualTo("Réception : imap.ac-exemple.fr, port 1993. Lien valable 45 minutes. {inconnu} {imap");
        assertThat(HelpArticleSettings.fill("$1 \\ {imap}", java.util.Map.of("imap", "a$1\\b"))).isEqualTo("$1 \\ a$1\\b");
        assertThat(HelpArticleSettings.fill(null, java.util.Map.of())).isEmpty();
    }
}
