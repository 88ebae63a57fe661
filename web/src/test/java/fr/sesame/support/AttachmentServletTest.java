package fr.sesame.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentServletTest {

    @Test
    void thePlainFileNameKeepsLettersAndLosesEverythingAHeaderCouldMisread() {
        assertThat(AttachmentServlet.asciiName("Capture d’écran à 07.02.png")).isEqualTo("Capture d_ecran a 07.02.png");
        assertThat(AttachmentServlet.asciiName("a\"b;c\r\nd.pdf")).isEqualTo("a_b_c__d.pdf");
        assertThat(AttachmentServlet.asciiName("   ")).isEqualTo("piece-jointe");
    }
}
