-- Attempts counted per subject (an identifiant, a client address, a contact address… as a hash) in one
-- row each: counting an attempt and checking its limit is one conditional update, so parallel guesses
-- get no more than the limit, on one server or a farm. Replaces the row-per-failure table.
create table attempt_counter (
    subject_hash varchar(64) not null,
    attempts     integer     not null,
    window_start timestamp with time zone not null,
    locked_until timestamp with time zone,
    constraint pk_attempt_counter primary key (subject_hash)
);
create index ix_attempt_counter_window on attempt_counter (window_start);

drop table failed_attempt;
