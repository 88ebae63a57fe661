package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.Instant;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** The support chain in the browser: the public form, the school's référent, the hotline, the experts, the requester. */
@ExtendWith(Browser.class)
class SupportIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Cahier-Rouge-Du-Lundi-7";

    private static String openPublicTicket(Browser browser, String name, String identity, String uai, String contact,
                                           String subject) {
        browser.open("/assistance");
        browser.type("#assistance\\:nom", name);
        browser.type("#assistance\\:identite", identity);
        new Select(browser.find("#assistance\\:etablissement")).selectByValue(uai);
        browser.type("#assistance\\:contact", contact);
        new Select(browser.find("#assistance\\:categorie")).selectByValue("BLOCKED_ACCESS");
        browser.type("#assistance\\:objet", subject);
        browser.type("#assistance\\:description", "Mon mot de passe est refusé depuis ce matin, même après deux essais.");
        browser.type("#assistance\\:erreur", "Identifiant ou mot de passe incorrect.");
        new Select(browser.find("#assistance\\:urgence")).selectByValue("5"); // "je n’ai plus accès à une messagerie indispensable"
        new Select(browser.find("#assistance\\:impact")).selectByValue("3");
        browser.solveChallenge();
        browser.submit("#assistance\\:envoyer");
        return browser.text("#reference");
    }

    private static void logOut(Browser browser) {
        browser.submit("#deconnexion\\:logout");
    }

    @Test
    void aLockedOutAgentIsHelpedByTheReferentThenTheHotline(Browser browser) {
        String identifiant = TestAgents.newIdentifiant("aide-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)), null, PASSWORD,
                HrFile.newNumen()));
        String contact = identifiant + "@perso.example.org";
        String reference = openPublicTicket(browser, "Agent En Difficulté", identifiant, "0801234A", contact,
                "Je ne peux plus me connecter");
        assertThat(reference).matches("SES-\\d{4}-\\d{6}");
        Mailboxes.Mail ack = Mailboxes.await(contact, subject -> subject.startsWith("[" + reference + "]"), MAIL_WAIT);
        assertThat(ack.subject()).contains("est enregistrée");
        // The address was typed by someone not logged in: nothing they typed is written back to it.
        assertThat(ack.subject() + ack.text()).contains(reference).doesNotContain("Agent En Difficulté", "Je ne peux plus me connecter");
        Mailboxes.await("marc.durand@ac-amiens.fr", subject -> subject.startsWith("[" + reference + "] Nouvelle demande"), MAIL_WAIT);

        // Level 1: the référent of the school sees it in the school's queue and answers.
        browser.logIn("referent1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demandes");
        browser.waitFor("a[href$='ref=" + reference + "']");
        browser.find("a[href$='ref=" + reference + "']").click();
        browser.waitFor("#identite-non-verifiee");
        assertThat(browser.text("#priorite")).isEqualTo("4 / 5"); // urgency 5 × impact 3 in GLPI's matrix
        assertThat(browser.text("#niveau")).isEqualTo("Référent de l’établissement");
        browser.type("#reponse\\:message", "Bonjour, essayez « Mot de passe oublié » avec votre NUMEN.");
        browser.submit("#reponse\\:envoyer");
        browser.type("#reponse\\:message", "Appeler l'agent si pas de nouvelles demain.");
        browser.find("label[for='reponse:interne']").click();
        browser.submit("#reponse\\:envoyer");
        assertThat(browser.text("#fil")).contains("note interne");

        Mailboxes.Mail reply = Mailboxes.await(contact, subject -> subject.startsWith("[" + reference + "] Réponse"), MAIL_WAIT);
        assertThat(reply.text()).contains("essayez « Mot de passe oublié »").doesNotContain("Appeler l'agent");

        browser.type("#transmission\\:note", "Le lien de réinitialisation ne marche pas : à vous.");
        browser.submit("#transmission\\:transmettre");
        assertThat(browser.text("#niveau")).isEqualTo("Hotline académique");
        logOut(browser);

        // Level 2: the hotline resolves it.
        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demande?ref=" + reference);
        browser.waitFor("#actions");
        assertThat(browser.text("#fil")).contains("Le lien de réinitialisation ne marche pas");
        browser.submit("#actions\\:verifier"); // the hotline called the agent back
        assertThat(browser.findAll("#identite-non-verifiee")).isEmpty();
        browser.submit("#actions\\:resoudre");
        assertThat(browser.text("#statut")).isEqualTo("Résolue");
        Mailboxes.await(contact, subject -> subject.startsWith("[" + reference + "] Votre demande d’assistance est résolue"), MAIL_WAIT);
        browser.assertNoTechnicalDetail();
    }

    @Test
    void agentsSeeTheirOwnTicketsAndNeverTheInternalNotes(Browser browser) {
        String alice = TestAgents.newIdentifiant("alice-");
        String bob = TestAgents.newIdentifiant("bob-");
        for (String identifiant : new String[] {alice, bob}) {
            TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)), null, PASSWORD,
                    HrFile.newNumen()));
        }
        browser.logIn(alice, PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/compte/demandes");
        browser.waitFor("#aucune-demande");
        new Select(browser.find("#demande\\:categorie")).selectByValue("DEVICE");
        browser.type("#demande\\:objet", "Messagerie sur mon téléphone");
        browser.type("#demande\\:description", "Je ne reçois plus mes courriels sur mon téléphone Android.");
        browser.submit("#demande\\:envoyer");
        String reference = browser.find("#mes-demandes a").getText();
        assertThat(browser.text("#messages")).contains(reference);
        logOut(browser);

        // The référent of the school writes a note and a reply.
        browser.logIn("referent1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demande?ref=" + reference);
        browser.waitFor("#actions");
        browser.submit("#actions\\:prendre");
        browser.type("#reponse\\:message", "Note : vérifier la version d’Android.");
        browser.find("label[for='reponse:interne']").click();
        browser.submit("#reponse\\:envoyer");
        browser.type("#reponse\\:message", "Pouvez-vous nous dire la version d’Android ?");
        browser.submit("#reponse\\:envoyer");
        logOut(browser);

        // Another school's référent and another agent do not see it.
        browser.logIn("referent2", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demande?ref=" + reference);
        browser.waitFor("#demande-introuvable");
        logOut(browser);
        browser.logIn(bob, PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/compte/demande?ref=" + reference);
        browser.waitFor("#demande-introuvable");
        browser.open("/support/demandes");
        browser.waitFor("#erreur-403"); // not a référent: refused
        assertThat(browser.findAll("[id$='demandes']")).isEmpty();
        logOut(browser);

        // The requester sees the reply, not the note, and answers.
        browser.logIn(alice, PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/compte/demande?ref=" + reference);
        browser.waitFor("#fil");
        assertThat(browser.text("#fil")).contains("Pouvez-vous nous dire la version d’Android ?")
                .doesNotContain("vérifier la version").doesNotContain("note interne");
        browser.type("#reponse\\:message", "Android 14.");
        browser.submit("#reponse\\:envoyer");
        assertThat(browser.text("#fil")).contains("Android 14.");
        assertThat(browser.findAll("#satisfaction")).isEmpty(); // not resolved yet
        logOut(browser);

        // Resolved: the agent answers the satisfaction question, once.
        browser.logIn("referent1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demande?ref=" + reference);
        browser.submit("#actions\\:resoudre");
        logOut(browser);
        browser.logIn(alice, PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/compte/demande?ref=" + reference);
        browser.submit("#satisfaction button[data-answer='4']");
        assertThat(browser.text("#satisfaction-donnee")).isEqualTo("Tout à fait");
        assertThat(browser.findAll("#satisfaction")).isEmpty();
        assertThat(browser.findAll("#reouverture")).hasSize(1); // still reopenable for 7 days
    }

    @Test
    void aSchoolWithoutReferentSendsItsTicketsStraightToTheHotline(Browser browser) {
        String contact = TestAgents.newIdentifiant("laon-") + "@perso.example.org";
        String reference = openPublicTicket(browser, "Agent De Laon", "", "0020078K", contact, "Compte bloqué");

        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demande?ref=" + reference);
        browser.waitFor("#niveau");
        assertThat(browser.text("#niveau")).isEqualTo("Hotline académique");
        browser.open("/support/demandes");
        browser.type("#filtres\\:texte", reference);
        browser.submit("#filtres\\:filtrer");
        assertThat(browser.findAll("#liste\\:demandes a").stream().map(a -> a.getText()).toList()).containsExactly(reference);
    }

    @Test
    void theHotlineHandsATicketToTheExpertsWhoAnswerIt(Browser browser) {
        String contact = TestAgents.newIdentifiant("experts-") + "@perso.example.org";
        String reference = openPublicTicket(browser, "Agent De Laon", "", "0020078K", contact, "Messagerie vide depuis hier");
        String schoolContact = TestAgents.newIdentifiant("ecole-") + "@perso.example.org";
        String schoolTicket = openPublicTicket(browser, "Agent D’Amiens", "", "0801234A", schoolContact, "Mot de passe refusé");

        // Level 2: the hotline passes it on, with a note for the experts.
        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demande?ref=" + reference);
        browser.waitFor("#transmission");
        assertThat(browser.text("#niveau")).isEqualTo("Hotline académique");
        assertThat(browser.text("#transmission\\:transmettre")).isEqualTo("Transmettre aux experts");
        browser.type("#transmission\\:note", "Boîte vidée côté serveur : une restauration est à faire.");
        browser.submit("#transmission\\:transmettre");
        assertThat(browser.text("#niveau")).isEqualTo("Experts de l’académie");
        assertThat(browser.findAll("#transmission")).as("the last level").isEmpty();
        logOut(browser);

        Mailboxes.Mail notice = Mailboxes.await("experts@ac-amiens.fr",
                subject -> subject.startsWith("[" + reference + "] Demande transmise au niveau 3"), MAIL_WAIT);
        assertThat(notice.text()).contains("Boîte vidée côté serveur", "/support/demande?ref=" + reference);
        assertThat(Mailboxes.count("assistance@ac-amiens.fr", subject -> subject.startsWith("[" + reference + "] Demande transmise")))
                .as("not the hotline's any more").isZero();

        // Level 3: the expert finds it in the experts' queue, not the school's ticket, and answers.
        browser.logIn("expert1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        assertThat(browser.text("#roles")).contains("Expert de l’académie");
        browser.find("a[href='/support/demandes']").click();
        browser.waitForPath("/support/demandes");
        assertThat(browser.text("h1")).isEqualTo("Demandes transmises aux experts");
        assertThat(browser.findAll("#filtres\\:niveau")).as("the hotline's filters").isEmpty();
        browser.type("#filtres\\:texte", reference);
        browser.submit("#filtres\\:filtrer");
        assertThat(browser.findAll("#liste\\:demandes a").stream().map(a -> a.getText()).toList()).containsExactly(reference);
        browser.type("#filtres\\:texte", schoolTicket);
        browser.submit("#filtres\\:filtrer");
        assertThat(browser.findAll("#liste\\:demandes a")).isEmpty();
        browser.open("/support/demande?ref=" + schoolTicket);
        browser.waitFor("#demande-introuvable");

        browser.open("/support/demande?ref=" + reference);
        browser.waitFor("#actions");
        assertThat(browser.text("#fil")).contains("Boîte vidée côté serveur");
        browser.submit("#actions\\:prendre");
        browser.type("#reponse\\:message", "Votre boîte est restaurée : vos courriels d’hier sont revenus.");
        browser.submit("#reponse\\:envoyer");
        Mailboxes.Mail reply = Mailboxes.await(contact, subject -> subject.startsWith("[" + reference + "] Réponse"), MAIL_WAIT);
        assertThat(reply.text()).contains("Votre boîte est restaurée", "Sophie Marchand");
        browser.submit("#actions\\:resoudre");
        assertThat(browser.text("#statut")).isEqualTo("Résolue");

        // The hotline's own pages stay the hotline's.
        browser.open("/hotline/verrous");
        browser.waitFor("#erreur-403");
        browser.assertNoTechnicalDetail();
    }

    @Test
    void thePublicFormExplainsWhatIsMissingAndKeepsWhatWasTyped(Browser browser) {
        browser.open("/assistance");
        browser.type("#assistance\\:nom", "Élodie Dupré-Lefèvre");
        browser.type("#assistance\\:contact", "agent@localhost"); // the browser lets it through, Sésame does not
        browser.type("#assistance\\:objet", "*)(uid=*) <script>alert(1)</script>");
        browser.solveChallenge();
        browser.submit("#assistance\\:envoyer");
        assertThat(browser.text("#assistance\\:etablissement-erreur")).contains("Choisissez votre établissement");
        assertThat(browser.text("#assistance\\:description-erreur")).contains("Décrivez votre problème");
        new Select(browser.find("#assistance\\:etablissement")).selectByValue("0801234A");
        new Select(browser.find("#assistance\\:categorie")).selectByValue("OTHER");
        browser.type("#assistance\\:description", "x".repeat(3000));
        browser.solveChallenge();
        browser.submit("#assistance\\:envoyer");
        assertThat(browser.text("#assistance\\:contact-erreur")).contains("Cette adresse n’est pas valide");
        assertThat(browser.find("#assistance\\:objet").getAttribute("value")).isEqualTo("*)(uid=*) <script>alert(1)</script>");
        assertThat(browser.find("#assistance\\:nom").getAttribute("value")).isEqualTo("Élodie Dupré-Lefèvre");
        browser.assertNoTechnicalDetail();
        assertThat(browser.driver().findElements(By.cssSelector("#demande-enregistree"))).isEmpty();
    }
}
