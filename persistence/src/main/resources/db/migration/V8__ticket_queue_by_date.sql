-- The hotline's list of every ticket, newest first, read in the order of this index rather than sorted
-- whole for each page (a million tickets made a deep page take over a minute).
create index ix_ticket_created on ticket (created_at, id);
