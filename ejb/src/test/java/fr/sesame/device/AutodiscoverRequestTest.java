package fr.sesame.device;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AutodiscoverRequestTest {

    private static byte[] request(String address) {
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">"
                + "<Request><EMailAddress>" + address + "</EMailAddress>"
                + "<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
                + "</AcceptableResponseSchema></Request></Autodiscover>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheAddressOfAWellFormedRequest() {
        assertThat(AutodiscoverRequest.address(request("claire.martin@ac-amiens.fr"))).contains("claire.martin@ac-amiens.fr");
        assertThat(AutodiscoverRequest.address(request("  jean.dupont@ac-amiens.fr\n"))).contains("jean.dupont@ac-amiens.fr");
    }

    @Test
    void refusesWhatIsNotARequest() {
        assertThat(AutodiscoverRequest.address(null)).isEmpty();
        assertThat(AutodiscoverRequest.address(new byte[0])).isEmpty();
        assertThat(AutodiscoverRequest.address("pas du xml".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(AutodiscoverRequest.address("<Autodiscover><Request></Request>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(AutodiscoverRequest.address(request("pas-une-adresse"))).isEmpty();
        assertThat(AutodiscoverRequest.address(request("a@b.fr</EMailAddress><EMailAddress>c@d.fr"))).isEmpty();
        assertThat(AutodiscoverRequest.address(request("x*)(uid=*@ac-amiens.fr"))).isEmpty();
    }

    @Test
    void refusesAHugeBodyWithoutReadingIt() {
        // A valid request padded with white space: only its size is wrong.
        String padded = new String(request("a@ac-amiens.fr"), StandardCharsets.UTF_8)
                + " ".repeat(AutodiscoverRequest.MAX_BYTES);
        assertThat(AutodiscoverRequest.address(padded.getBytes(StandardCharsets.UTF_8))).isEmpty();
        String justUnder = new String(request("a@ac-amiens.fr"), StandardCharsets.UTF_8);
        justUnder += " ".repeat(AutodiscoverRequest.MAX_BYTES - justUnder.length());
        assertThat(AutodiscoverRequest.address(justUnder.getBytes(StandardCharsets.UTF_8))).contains("a@ac-amiens.fr");
    }

    @Test
    void neverReadsAnExternalEntity() throws Exception {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "root@ac-amiens.fr");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<Autodiscover><Request><EMailAddress>&x;</EMailAddress></Request></Autodiscover>";
        assertThat(AutodiscoverRequest.address(xxe.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void neverExpandsAnInternalEntity() {
        // Expanded, the entity would make a well-formed address: refused all the same.
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY who \"claire.martin\">]>"
                + "<Autodiscover><Request><EMailAddress>&who;@ac-amiens.fr</EMailAddress></Request></Autodiscover>";
        assertThat(AutodiscoverRequest.address(entity.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
