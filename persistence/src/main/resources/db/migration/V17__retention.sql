-- Retention (RGPD): what the nightly purge removes, found by the date it goes by.
-- The audit chain's head also keeps where the purged beginning of the chain ended: the place and the
-- hash of the last event removed, from which the verification starts again.
alter table audit_chain_head add column purged_seq bigint default 0 not null;
alter table audit_chain_head add column purged_hash varchar(64)
    default '0000000000000000000000000000000000000000000000000000000000000000' not null;

create index ix_outbound_message_created on outbound_message (created_at);
create index ix_ticket_closed on ticket (closed_at);
create index ix_invitation_created on invitation (created_at);
create index ix_import_run_finished on import_run (finished_at);
