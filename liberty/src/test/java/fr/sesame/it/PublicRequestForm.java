package fr.sesame.it;

import java.util.LinkedHashMap;
import java.util.Map;

/** The public request form's fields, filled in: for the tests that send it without a browser. */
public final class PublicRequestForm {

    private PublicRequestForm() {
    }

    /** What a visitor types in the form of {@code /assistance} (school 0801234A), as the page names the fields. */
    public static Map<String, String> fields(String contact, String category, String subject) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("assistance", "assistance");
        fields.put("assistance:nom", "Visiteur <b>Pressé</b>");
        fields.put("assistance:identite", "");
        fields.put("assistance:etablissement", "0801234A");
        fields.put("assistance:contact", contact);
        fields.put("assistance:categorie", category);
        fields.put("assistance:objet", subject);
        fields.put("assistance:description", "Je ne peux plus ouvrir ma messagerie depuis ce matin.");
        fields.put("assistance:erreur", "");
        fields.put("assistance:urgence", "3");
        fields.put("assistance:impact", "3");
        fields.put("assistance:envoyer", "");
        return fields;
    }
}
