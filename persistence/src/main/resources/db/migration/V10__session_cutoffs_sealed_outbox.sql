-- When an agent's portal sessions stop being valid: a lock, an imposed or changed password ends
-- every session opened before this instant, on every server of the farm.
create table session_cutoff (
    identifiant varchar(64) not null,
    valid_after timestamp with time zone not null,
    constraint pk_session_cutoff primary key (identifiant)
);

-- The outbox keeps which message each row is (the hotline is shown that, never a subject), and its
-- bodies sealed (AES-GCM, Base64): longer than the text they carry.
alter table outbound_message add column kind varchar(40);
alter table outbound_message alter column body set data type varchar(44000);
