package fr.sesame.farm;

import fr.sesame.it.HrFile;
import fr.sesame.it.TestAgents;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member goes down: the agent logged in through it goes on through the other, same cookies, and
 * the form the page drew before is still good (the session, Faces' view included, is in the database).
 */
class FarmSessionIT {

    private static final String PASSWORD = "Classeur-Bleu-Du-Mardi-4";
    private static final String NEW_PASSWORD = "Gomme-Rose-Du-Vendredi-6";

    @Test
    void anAgentLoggedInThroughAStoppedMemberGoesOnThroughTheOtherWithTheSameCookies() throws Exception {
        Farm farm = Farm.running();
        String identifiant = TestAgents.newIdentifiant("farm-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)),
                identifiant + "@perso.example.org", PASSWORD, HrFile.newNumen()));
        FarmVisitor visitor = new FarmVisitor("10.9.0.1");

        assertThat(visitor.logIn(farm.a(), identifiant, PASSWORD)).endsWith("/compte");
        assertThat(visitor.get(farm.a(), "/compte").body()).contains(identifiant);
        FarmVisitor.Form change = FarmVisitor.form(visitor.get(farm.a(), "/compte/mot-de-passe"), "changement");

        farm.stop(farm.a());
        try {
            HttpResponse<String> account = visitor.get(farm.b(), "/compte");
            assertThat(account.statusCode()).as("still logged in, on the other member").isEqualTo(200);
            assertThat(account.body()).contains(identifiant);

            HttpResponse<String> changed = visitor.submit(farm.b(), change, Map.of(
                    "changement:actuel", PASSWORD, "changement:motDePasse", NEW_PASSWORD,
                    "changement:confirmation", NEW_PASSWORD, "changement:changer", ""));
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.body()).as("the form drawn by the stopped member").contains("id=\"mot-de-passe-modifie\"");
        } finally {
            farm.ensureRunning(farm.a());
        }
    }
}
