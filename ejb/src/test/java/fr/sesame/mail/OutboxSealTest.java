package fr.sesame.mail;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OutboxSealTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final OutboxSeal seal = new OutboxSeal(KEY);

    @Test
    void aSealedBodyShowsNothingOfItsCodeAndOpensForItsRecipient() {
        String sealed = seal.seal("Votre code : 123456", "lucie@example.org");

        assertThat(sealed).startsWith("v1:").doesNotContain("123456", "code");
        assertThat(seal.open(sealed, "lucie@example.org")).isEqualTo("Votre code : 123456");
        assertThat(seal.seal("Votre code : 123456", "lucie@example.org")).as("a new nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void accentsAndLongBodiesSurvive() {
        String body = "Bonjour Éloïse, « ceci » — ".repeat(300);

        assertThat(seal.open(seal.seal(body, "+33612345678"), "+33612345678")).isEqualTo(body);
    }

    @Test
    void aBodyMovedToAnotherRecipientOrAlteredDoesNotOpen() {
        String sealed = seal.seal("Votre code : 123456", "lucie@example.org");
        char[] altered = sealed.toCharArray();
        altered[10] = altered[10] == 'A' ? 'B' : 'A';

        assertThatIllegalStateException().isThrownBy(() -> seal.open(sealed, "mallory@example.org"));
        assertThatIllegalStateException().isThrownBy(() -> seal.open(new String(altered), "lucie@example.org"));
        assertThatIllegalStateException().isThrownBy(() ->
                new OutboxSeal(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                        15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})).open(sealed, "lucie@example.org"));
    }

    @Test
    void theHtmlOpensForItsRecipientAndNeverAsTheTextNorTheTextAsIt() {
        String html = seal.sealHtml("<p>Votre code : 123456</p>", "lucie@example.org");
        String text = seal.seal("Votre code : 123456", "lucie@example.org");

        assertThat(html).startsWith("v1:").doesNotContain("123456", "<p>");
        assertThat(seal.openHtml(html, "lucie@example.org")).isEqualTo("<p>Votre code : 123456</p>");
        assertThatIllegalStateException().isThrownBy(() -> seal.openHtml(html, "mallory@example.org"));
        assertThatIllegalStateException().isThrownBy(() -> seal.open(html, "lucie@example.org"));
        assertThatIllegalStateException().isThrownBy(() -> seal.openHtml(text, "lucie@example.org"));
    }

    @Test
    void aBodyQueuedBeforeSealingIsDeliveredAsItIs() {
        assertThat(seal.open("Texte en clair", "lucie@example.org")).isEqualTo("Texte en clair");
    }

    @Test
    void aKeyOfTheWrongSizeOrNotBase64IsRefusedClearly() {
        assertThatIllegalStateException().isThrownBy(() -> new OutboxSeal("c2hvcnQ=").seal("x", "y"))
                .withMessageContaining("32 bytes");
        assertThatIllegalStateException().isThrownBy(() -> new OutboxSeal("pas du base64 !").seal("x", "y"))
                .withMessageContaining("Base64");
    }
}
