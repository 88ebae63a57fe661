package fr.sesame.account;

import fr.sesame.account.AgentQuery.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AgentQueryTest {

    @ParameterizedTest
    @ValueSource(strings = {"20E1501234CMA", " 20e 15 01234 cma ", "20.E.15.01234.CMA"})
    void aNumenIsReadAsOneWhateverTheSeparators(String typed) {
        AgentQuery query = AgentQuery.parse(typed);

        assertThat(query.kind()).isEqualTo(Kind.NUMEN);
        assertThat(query.numen()).map(n -> n.value()).contains("20E1501234CMA");
        assertThat(query.words()).isEmpty();
        assertThat(query.toString()).doesNotContain("1501234").contains("20E********MA");
    }

    @Test
    void aWholeAddressIsAnAddress() {
        AgentQuery query = AgentQuery.parse(" claire.martin@example.org ");

        assertThat(query.kind()).isEqualTo(Kind.ADDRESS);
        assertThat(query.words()).containsExactly("claire.martin@example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"@example.org", "claire.martin@", "a@b@c"})
    void halfAnAddressIsAWordLikeAnyOther(String typed) {
        assertThat(AgentQuery.parse(typed).kind()).isEqualTo(Kind.WORDS);
    }

    @Test
    void namesAreWordsEachOfWhichMustBeFound() {
        AgentQuery query = AgentQuery.parse("Claire\u00A0 Martin  claire");

        assertThat(query.kind()).isEqualTo(Kind.WORDS);
        assertThat(query.words()).containsExactly("Claire", "Martin", "claire");
    }

    @Test
    void accentsAndApostrophesStayAsTyped() {
        assertThat(AgentQuery.parse("Hélène N’Diaye").words()).containsExactly("Hélène", "N’Diaye");
    }

    @Test
    void oneLetterWordsAreDroppedAndAloneTheyAreTooShort() {
        assertThat(AgentQuery.parse("C Martin").words()).containsExactly("Martin");
        assertThat(AgentQuery.parse("C M").kind()).isEqualTo(Kind.TOO_SHORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*)(uid=*", "*", "(|(uid=*))", "\\2a"})
    void filterCharactersArePlainWordsForTheDirectoryToEscape(String typed) {
        AgentQuery query = AgentQuery.parse(typed);

        if (typed.length() < AgentQuery.SHORTEST_WORD) {
            assertThat(query.kind()).isEqualTo(Kind.TOO_SHORT);
        } else {
            assertThat(query.kind()).isEqualTo(Kind.WORDS);
            assertThat(query.words()).containsExactly(typed);
        }
    }

    @Test
    void controlCharactersSeparateWords() {
        assertThat(AgentQuery.parse("cmartin\u0000x\u0007ok").words()).containsExactly("cmartin", "ok");
    }

    @Test
    void tooLongOrTooManyWordsIsRefusedBeforeAnyWork() {
        assertThat(AgentQuery.parse("a".repeat(10_000)).kind()).isEqualTo(Kind.TOO_LONG);
        assertThat(AgentQuery.parse("x".repeat(AgentQuery.LONGEST)).kind()).isEqualTo(Kind.WORDS);
        assertThat(AgentQuery.parse("un deux trois quatre cinq six").kind()).isEqualTo(Kind.TOO_LONG);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void nothingTypedSearchesNothing(String typed) {
        assertThat(AgentQuery.parse(typed).kind()).isEqualTo(Kind.EMPTY);
        assertThat(AgentQuery.parse(typed).kind().isSearch()).isFalse();
    }
}
