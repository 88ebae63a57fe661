package fr.sesame.activation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgentNamingTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "Claire          | Martin          | cmartin",
            "Jean-Pierre     | Le Goff         | jlegoff",
            "Émilie          | D’Almeida       | edalmeida",
            "Chloé           | D'Almeida       | cdalmeida",
            "Zoé             | de La Fontaine  | zdelafontaine",
            "Œdipe           | Dœuf            | odoeuf",
            "Æsa             | Cæsar           | acaesar",
            "Günther         | Strauß          | gstrauss",
            "Manon           | Noël            | mnoel",
            "Hélène          | Lefèvre-Çağlar  | hlefevrecaglar",
            "Marie Claire    | Martin          | mmartin",
            "Ørjan           | Łukasiewicz     | olukasiewicz",
            "Ísland          | Þórsdóttir      | ithorsdottir",
            "CLAIRE          | MARTIN          | cmartin",
            "Ｃlaire          | Ｍartin          | cmartin",
            "Ève             | Saint-Exupéry   | esaintexupery"})
    void identifiantIsTheInitialAndTheSurnameInPlainLowerCase(String givenName, String surname, String identifiant) {
        assertThat(AgentNaming.identifiant(givenName, surname)).isEqualTo(identifiant);
    }

    @Test
    void identifiantTakesTheInitialOfTheFirstGivenNameEvenAfterAnApostrophe() {
        assertThat(AgentNaming.identifiant("’Ali", "Haddad")).isEqualTo("ahaddad");
        assertThat(AgentNaming.identifiant("  Karim  ", " Haddad ")).isEqualTo("khaddad");
    }

    @Test
    void identifiantIsCutToTwentyCharactersInTheSurname() {
        String identifiant = AgentNaming.identifiant("Anne", "Montmorency-Laval de Bourbon-Busset");

        assertThat(identifiant).isEqualTo("amontmorencylavaldeb").hasSize(AgentNaming.IDENTIFIANT_MAX_LENGTH);
    }

    @Test
    void identifiantOfAVeryLongNameIsStillTwentyCharacters() {
        assertThat(AgentNaming.identifiant("A".repeat(10_000), "B".repeat(10_000)))
                .isEqualTo("a" + "b".repeat(19));
    }

    @Test
    void ldapFilterCharactersNeverReachTheIdentifiant() {
        assertThat(AgentNaming.identifiant("Claire", "Martin*)(uid=*")).isEqualTo("cmartinuid");
        assertThat(AgentNaming.addressLocalPart("Claire", "Martin*)(uid=*")).isEqualTo("claire.martinuid");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "*)(=*", "123", "---", "’", "张伟"})
    void aGivenNameWithoutALetterGivesNoIdentifiant(String givenName) {
        assertThatIllegalArgumentException().isThrownBy(() -> AgentNaming.identifiant(givenName, "Martin"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "*)(", "42", "- ’ -", "王"})
    void aSurnameWithoutALetterGivesNoIdentifiant(String surname) {
        assertThatIllegalArgumentException().isThrownBy(() -> AgentNaming.identifiant("Claire", surname));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "Claire          | Martin           | claire.martin",
            "Jean-Pierre     | Le Goff          | jean-pierre.le-goff",
            "Chloé           | D'Almeida        | chloe.dalmeida",
            "Émilie          | D’Almeida        | emilie.dalmeida",
            "Manon           | Noël             | manon.noel",
            "Zoé             | de La Fontaine   | zoe.de-la-fontaine",
            "Œdipe           | Dœuf             | oedipe.doeuf",
            "Marie  Claire   | Martin           | marie-claire.martin",
            "Jean - Pierre   | Le  Goff         | jean-pierre.le-goff",
            "-Jean-          | --Le--Goff--     | jean.le-goff",
            "Jean–Pierre     | Martin           | jean-pierre.martin",
            "Günther         | Strauß           | gunther.strauss",
            "Claire!         | Martin?          | claire.martin"})
    void addressLocalPartIsPrenomDotNom(String givenName, String surname, String localPart) {
        assertThat(AgentNaming.addressLocalPart(givenName, surname)).isEqualTo(localPart);
    }

    @Test
    void addressLocalPartIsCutToSixtyFourCharactersKeepingBothNames() {
        String localPart = AgentNaming.addressLocalPart(
                "Marie-Charlotte Anne-Sophie Éléonore", "de Montmorency-Laval de Bourbon-Busset de la Tour");

        assertThat(localPart).isEqualTo("marie-charlotte-anne-sophie-eleo.de-montmorency-laval-de-bourbon")
                .hasSize(AgentNaming.LOCAL_PART_MAX_LENGTH);
    }

    @Test
    void aVeryLongGivenNameLeavesRoomForTheSurname() {
        String localPart = AgentNaming.addressLocalPart("a".repeat(10_000), "b".repeat(10_000));

        assertThat(localPart).hasSize(AgentNaming.LOCAL_PART_MAX_LENGTH);
        assertThat(localPart.substring(localPart.indexOf('.') + 1)).hasSize(31);
    }

    @Test
    void aCutNeverLeavesAHyphenBeforeTheDot() {
        String given = "a".repeat(31) + "-" + "b".repeat(40);

        assertThat(AgentNaming.addressLocalPart(given, "c".repeat(40)))
                .isEqualTo("a".repeat(31) + "." + "c".repeat(31));
    }

    @Test
    void addressLocalPartOfNamesWithoutLettersIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> AgentNaming.addressLocalPart("’-’", "Martin"));
        assertThatIllegalArgumentException().isThrownBy(() -> AgentNaming.addressLocalPart("Claire", " "));
        assertThatIllegalArgumentException().isThrownBy(() -> AgentNaming.addressLocalPart(null, "Martin"));
    }

    @Test
    void theFirstHomonymKeepsTheBase() {
        assertThat(AgentNaming.numbered("jdupont", 1)).isEqualTo("jdupont");
        assertThat(AgentNaming.numbered("jean.dupont", 1)).isEqualTo("jean.dupont");
    }

    @Test
    void theNextHomonymsGetTheirNumberAtTheEnd() {
        assertThat(AgentNaming.numbered("jdupont", 2)).isEqualTo("jdupont2");
        assertThat(AgentNaming.numbered("jean.dupont", 2)).isEqualTo("jean.dupont2");
        assertThat(AgentNaming.numbered("jdupont", AgentNaming.MAX_HOMONYMS)).isEqualTo("jdupont99");
    }

    @Test
    void aNumberedIdentifiantStaysWithinTwentyCharacters() {
        String identifiant = AgentNaming.identifiant("Anne", "Montmorency-Laval de Bourbon-Busset");

        assertThat(AgentNaming.numbered(identifiant, 2)).isEqualTo("amontmorencylavalde2").hasSize(20);
        assertThat(AgentNaming.numbered(identifiant, 42)).isEqualTo("amontmorencylavald42").hasSize(20);
    }

    @Test
    void aNumberedLocalPartStaysWithinSixtyFourCharacters() {
        String localPart = AgentNaming.addressLocalPart("a".repeat(100), "b".repeat(100));

        assertThat(AgentNaming.numbered(localPart, 12)).hasSize(64).endsWith("b12");
    }

    @Test
    void homonymNumbersOutOfRangeAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> AgentNaming.numbered("jdupont", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> AgentNaming.numbered("jdupont", -1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AgentNaming.numbered("jdupont", AgentNaming.MAX_HOMONYMS + 1));
    }

    @Test
    void aBaseThatCannotBeNumberedUnambiguouslyIsRefused() {
        // jdupont1 numbered 2 would read jdupont12, the twelfth jdupont.
        assertThatIllegalArgumentException().isThrownBy(() -> AgentNaming.numbered("jdupont1", 2));
        assertThatIllegalArgumentException().isThrownBy(() -> AgentNaming.numbered("", 2));
        assertThatIllegalArgumentException().isThrownBy(() -> AgentNaming.numbered(null, 2));
    }
}
