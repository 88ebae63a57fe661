-- Every e-mail leaves as multipart/alternative: its plain text (body) and the same in the HTML layout, queued
-- beside it and sealed the same way, so that what leaves is what was queued. Emptied once sent, like the body.
-- Null for an SMS and for the e-mails queued before (they leave as plain text).
alter table outbound_message add column html_body varchar(100000);
