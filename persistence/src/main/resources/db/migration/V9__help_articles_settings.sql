-- The shipped articles named the académie's servers, delays and limits as text: they now name the
-- settings ({imap}, {invitation.days}…), filled in from configuration when an article is shown, so
-- that a change of server or of limit never leaves an article wrong. Articles the hotline rewrote
-- keep their text where it no longer matches.
update help_article set body =
    replace(replace(replace(replace(replace(replace(replace(replace(replace(
        body,
        'imap.ac-amiens.fr', '{imap}'),
        'smtp.ac-amiens.fr', '{smtp}'),
        'port 993', 'port {imap.port}'),
        'port 465', 'port {smtp.port}'),
        'valable 30 jours', 'valable {invitation.days} jours'),
        'valable une heure', 'valable {reset.minutes} minutes'),
        'au moins 12 caractères', 'au moins {password.length} caractères'),
        'Après 5 essais infructueux, la connexion est suspendue 15 minutes',
        'Après {abuse.failures} essais infructueux, la connexion est suspendue {abuse.minutes} minutes'),
        '@ac-amiens.fr', '@{domain}');
