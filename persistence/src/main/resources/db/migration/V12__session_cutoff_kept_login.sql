-- The login that made the change which ended an agent's other sessions: it goes on. Its own requests
-- already in flight when the change commits count as valid, without waiting for it to note the new
-- instant.
alter table session_cutoff add column kept_login varchar(36);
