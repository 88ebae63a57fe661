-- The audit trail made tamper-evident, and the staff member behind an action kept in a column of its own.
-- performed_by: the staff member who acted on the agent named in actor (the hotline lifting a lock, the
-- RSSI locking an account), null when the agent acted or a timer did.
-- chain_seq, previous_hash, hash: each event's place in one linear chain and the SHA-256 of its canonical
-- form, which includes the previous event's hash (fr.sesame.security.AuditChain). They are written in
-- the event's own transaction, at its end, under the lock of audit_chain_head's single row: on a farm
-- the chain stays linear, and a transaction holds that lock only while it commits. Events written
-- before this migration have no place in the chain; the verification counts them apart.
alter table audit_event add column performed_by varchar(100);
alter table audit_event add column chain_seq bigint;
alter table audit_event add column previous_hash varchar(64);
alter table audit_event add column hash varchar(64);

create unique index uq_audit_event_chain_seq on audit_event (chain_seq);
create index ix_audit_event_performed_by on audit_event (performed_by, occurred_at);
create index ix_audit_event_type on audit_event (type, occurred_at);

create table audit_chain_head (
    id        integer     not null,
    last_seq  bigint      not null,
    last_hash varchar(64) not null,
    constraint pk_audit_chain_head primary key (id)
);
insert into audit_chain_head (id, last_seq, last_hash)
    values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
