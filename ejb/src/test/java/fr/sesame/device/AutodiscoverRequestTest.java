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
        byte[] huge = new byte[AutodiscoverRequest.MAX_BYTES + 1];
        System.arraycopy(request("a@ac-amiens.fr"), 0, huge, 0, request("a@ac-amiens.fr").length);
        assertThat(AutodiscoverRequest.address(huge)).isEmpty();
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
    void neverExpandsAnEntityBomb() {
        String lol = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><Autodiscover><Request><EMailAddress>&c;@x.fr</EMailAddress>"
                + "</Request></Autodiscover>";
        assertThat(AutodiscoverRequest.address(lol.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
