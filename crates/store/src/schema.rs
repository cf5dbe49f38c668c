//! The one portable schema: types that mean the same on SQLite and PostgreSQL (text ids,
//! integers, UTC timestamps without zone). Kept by hand in step with `migrations/`; the
//! migration test checks both backends produce the tables named here.

diesel::table! {
    system_meta (key) {
        key -> Text,
        value -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    units (id) {
        id -> Text,
        code -> Text,
        name -> Text,
        kind -> Text,
        parent_id -> Nullable<Text>,
        path -> Text,
        created_at -> Timestamp,
        ended_on -> Nullable<Date>,
    }
}

diesel::table! {
    people (id) {
        id -> Text,
        full_name -> Text,
        unit_id -> Text,
        created_at -> Timestamp,
        category -> Text,
        position_id -> Nullable<Text>,
        service_status -> Text,
        search_name -> Text,
    }
}

diesel::table! {
    accounts (id) {
        id -> Text,
        username -> Text,
        display_name -> Text,
        kind -> Text,
        unit_id -> Nullable<Text>,
        person_id -> Nullable<Text>,
        rights -> Text,
        holder_name -> Nullable<Text>,
        password_hash -> Text,
        must_change_password -> Bool,
        status -> Text,
        failed_logins -> Integer,
        locked_until -> Nullable<Timestamp>,
        auth_version -> Integer,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        last_login_at -> Nullable<Timestamp>,
        read_only_since -> Nullable<Date>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        account_id -> Text,
        family_id -> Text,
        token_hash -> Text,
        issued_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_clients (id) {
        id -> Text,
        client_id -> Text,
        name -> Text,
        scopes -> Text,
        consent_reference -> Text,
        secret_hash -> Text,
        status -> Text,
        auth_version -> Integer,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    account_requests (id) {
        id -> Text,
        requested_by -> Text,
        unit_id -> Text,
        kind -> Text,
        username -> Text,
        display_name -> Text,
        rights -> Text,
        justification -> Text,
        status -> Text,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        decision_note -> Nullable<Text>,
        created_account_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_events (id) {
        id -> BigInt,
        at -> Timestamp,
        actor_type -> Text,
        actor_id -> Nullable<Text>,
        actor_name -> Nullable<Text>,
        action -> Text,
        outcome -> Text,
        target_type -> Nullable<Text>,
        target_id -> Nullable<Text>,
        unit_id -> Nullable<Text>,
        subject_person_id -> Nullable<Text>,
        right_used -> Nullable<Text>,
        ip -> Nullable<Text>,
        request_id -> Nullable<Text>,
        reason -> Nullable<Text>,
        decision_number -> Nullable<Text>,
        decision_date -> Nullable<Text>,
        decision_signer -> Nullable<Text>,
        details -> Nullable<Text>,
        decision_document_id -> Nullable<Text>,
    }
}

diesel::joinable!(people -> units (unit_id));
diesel::joinable!(accounts -> units (unit_id));
diesel::joinable!(refresh_tokens -> accounts (account_id));
diesel::allow_tables_to_appear_in_same_query!(
    units,
    people,
    accounts,
    refresh_tokens,
    api_clients,
    account_requests,
    audit_events
);

diesel::table! {
    documents (id) {
        id -> Text,
        sha256 -> Text,
        file_name -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        unit_id -> Nullable<Text>,
        uploaded_by -> Text,
        uploaded_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(documents, units);

diesel::table! {
    unit_events (id) {
        id -> Text,
        kind -> Text,
        effective_date -> Date,
        decision_number -> Nullable<Text>,
        decision_date -> Nullable<Date>,
        decision_signer -> Nullable<Text>,
        document_id -> Nullable<Text>,
        reason -> Text,
        actor_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    unit_versions (id) {
        id -> Text,
        unit_id -> Text,
        name -> Text,
        parent_id -> Nullable<Text>,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
        event_id -> Nullable<Text>,
    }
}

diesel::table! {
    unit_lineage (event_id, from_unit_id, to_unit_id) {
        event_id -> Text,
        from_unit_id -> Text,
        to_unit_id -> Text,
    }
}

diesel::allow_tables_to_appear_in_same_query!(unit_versions, unit_events, units);

diesel::table! {
    unit_quotas (unit_id, year) {
        unit_id -> Text,
        year -> Integer,
        civil_servants -> Integer,
        public_employees -> Integer,
        contract_workers -> Integer,
        decision_number -> Nullable<Text>,
        updated_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(unit_quotas, units);
diesel::joinable!(unit_quotas -> units (unit_id));

diesel::table! {
    job_positions (id) {
        id -> Text,
        unit_id -> Text,
        code -> Text,
        name -> Text,
        position_group -> Text,
        required_grade -> Nullable<Text>,
        posts -> Integer,
        created_at -> Timestamp,
    }
}

diesel::joinable!(job_positions -> units (unit_id));
diesel::allow_tables_to_appear_in_same_query!(job_positions, units);
diesel::allow_tables_to_appear_in_same_query!(job_positions, people);

diesel::table! {
    catalogs (kind) {
        kind -> Text,
        name -> Text,
        version -> Integer,
        source -> Text,
        effective_date -> Date,
        code_format -> Nullable<Text>,
        parent_kind -> Nullable<Text>,
        successor_kind -> Nullable<Text>,
        note -> Nullable<Text>,
        loaded_at -> Timestamp,
        national_version -> Nullable<Integer>,
    }
}

diesel::table! {
    catalog_entries (kind, code) {
        kind -> Text,
        code -> Text,
        label -> Text,
        parent -> Nullable<Text>,
        valid_from -> Nullable<Date>,
        valid_to -> Nullable<Date>,
        replaced_by -> Nullable<Text>,
        data -> Nullable<Text>,
        origin -> Text,
        added_by -> Nullable<Text>,
        added_at -> Timestamp,
        source -> Nullable<Text>,
        local_code -> Bool,
    }
}

diesel::joinable!(catalog_entries -> catalogs (kind));
diesel::allow_tables_to_appear_in_same_query!(catalog_entries, catalogs);

diesel::table! {
    dossiers (id) {
        id -> Text,
        person_id -> Text,
        dossier_number -> Text,
        national_identifier -> Nullable<Text>,
        citizen_id_hash -> Nullable<Text>,
        search_name -> Text,
        status -> Text,
        current_version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        national_dossier_code -> Nullable<Text>,
        sort_name -> Text,
    }
}

diesel::table! {
    dossier_versions (dossier_id, number) {
        dossier_id -> Text,
        number -> Integer,
        content -> Text,
        sealed -> Nullable<Text>,
        content_hash -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    dossier_drafts (dossier_id) {
        dossier_id -> Text,
        content -> Text,
        sealed -> Nullable<Text>,
        revision -> Integer,
        based_on -> Integer,
        updated_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(dossiers -> people (person_id));
diesel::joinable!(dossier_versions -> dossiers (dossier_id));
diesel::joinable!(dossier_drafts -> dossiers (dossier_id));
diesel::allow_tables_to_appear_in_same_query!(dossiers, people);
diesel::allow_tables_to_appear_in_same_query!(dossiers, units);
diesel::allow_columns_to_appear_in_same_group_by_clause!(units::path, dossiers::status);
diesel::allow_tables_to_appear_in_same_query!(dossiers, dossier_versions);
diesel::allow_tables_to_appear_in_same_query!(dossiers, dossier_drafts);

diesel::table! {
    dossier_attachments (id) {
        id -> Text,
        dossier_id -> Text,
        document_id -> Text,
        kind -> Text,
        item -> Nullable<Text>,
        note -> Nullable<Text>,
        added_by -> Text,
        added_at -> Timestamp,
    }
}

diesel::joinable!(dossier_attachments -> dossiers (dossier_id));
diesel::joinable!(dossier_attachments -> documents (document_id));
diesel::allow_tables_to_appear_in_same_query!(dossier_attachments, documents);
diesel::allow_tables_to_appear_in_same_query!(dossier_attachments, dossiers);

diesel::table! {
    calendar_days (day) {
        day -> Date,
        kind -> Text,
        note -> Text,
        updated_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    signing_authority (id) {
        id -> Text,
        certificate -> Text,
        sealed_key -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    signing_certificates (id) {
        id -> Text,
        account_id -> Text,
        fingerprint -> Text,
        subject -> Text,
        issuer -> Text,
        serial -> Text,
        not_before -> Timestamp,
        not_after -> Timestamp,
        certificate -> Text,
        sealed_key -> Nullable<Text>,
        source -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    reviews (id) {
        id -> Text,
        dossier_id -> Text,
        kind -> Text,
        state -> Text,
        unit_id -> Text,
        draft_revision -> Integer,
        content_hash -> Text,
        reason -> Nullable<Text>,
        event_date -> Nullable<Date>,
        submitted_by -> Text,
        on_behalf -> Bool,
        submitted_at -> Timestamp,
        state_since -> Timestamp,
        due_on -> Nullable<Date>,
        checked_by -> Nullable<Text>,
        checked_at -> Nullable<Timestamp>,
        checklist -> Nullable<Text>,
        version_number -> Nullable<Integer>,
        return_reason -> Nullable<Text>,
        returned_by -> Nullable<Text>,
        campaign_id -> Nullable<Text>,
        record_due_on -> Nullable<Date>,
    }
}

diesel::table! {
    review_events (review_id, seq) {
        review_id -> Text,
        seq -> Integer,
        action -> Text,
        actor_id -> Text,
        at -> Timestamp,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    review_evidence (review_id, document_id) {
        review_id -> Text,
        document_id -> Text,
        kind -> Text,
    }
}

diesel::table! {
    signatures (id) {
        id -> Text,
        dossier_id -> Text,
        version_number -> Integer,
        step -> Text,
        review_id -> Text,
        account_id -> Text,
        certificate_id -> Text,
        statement -> Text,
        cms -> Text,
        signed_at -> Timestamp,
        window_warning -> Nullable<Text>,
    }
}

diesel::joinable!(reviews -> dossiers (dossier_id));
diesel::allow_tables_to_appear_in_same_query!(reviews, dossiers);
diesel::allow_tables_to_appear_in_same_query!(reviews, people);
diesel::allow_tables_to_appear_in_same_query!(reviews, units);
diesel::joinable!(review_evidence -> documents (document_id));
diesel::allow_tables_to_appear_in_same_query!(review_evidence, documents);
diesel::joinable!(signatures -> signing_certificates (certificate_id));
diesel::joinable!(signatures -> accounts (account_id));
diesel::allow_tables_to_appear_in_same_query!(signatures, signing_certificates);
diesel::allow_tables_to_appear_in_same_query!(signatures, accounts);

diesel::table! {
    campaigns (id) {
        id -> Text,
        unit_id -> Text,
        title -> Text,
        sections -> Text,
        person_ids -> Text,
        opens_on -> Date,
        closes_on -> Date,
        created_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    notifications (id) {
        id -> Text,
        account_id -> Text,
        kind -> Text,
        title -> Text,
        body -> Text,
        link -> Nullable<Text>,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    mail_settings (account_id) {
        account_id -> Text,
        email -> Nullable<Text>,
        muted -> Text,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(campaigns -> units (unit_id));
diesel::allow_tables_to_appear_in_same_query!(campaigns, units);

diesel::table! {
    transfers (id) {
        id -> Text,
        kind -> Text,
        state -> Text,
        person_id -> Nullable<Text>,
        person_name -> Text,
        from_unit_id -> Nullable<Text>,
        to_unit_id -> Nullable<Text>,
        outside_body -> Nullable<Text>,
        decision_number -> Text,
        decision_date -> Date,
        decision_signer -> Text,
        decision_document_id -> Nullable<Text>,
        effective_on -> Date,
        until_on -> Nullable<Date>,
        note -> Nullable<Text>,
        due_on -> Date,
        filed_by -> Text,
        filed_at -> Timestamp,
        completed_by -> Nullable<Text>,
        completed_at -> Nullable<Timestamp>,
        completion_document_id -> Nullable<Text>,
        completion_note -> Nullable<Text>,
        returned_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    dossier_facts (dossier_id, source) {
        dossier_id -> Text,
        source -> Text,
        version -> Integer,
        gender -> Nullable<Text>,
        birth_date -> Nullable<Date>,
        ethnicity -> Nullable<Text>,
        religion -> Nullable<Text>,
        grade -> Nullable<Text>,
        salary_step -> Nullable<Integer>,
        coefficient -> Nullable<Integer>,
        job_position -> Nullable<Text>,
        position -> Nullable<Text>,
        general_education -> Nullable<Text>,
        qualification -> Nullable<Text>,
        political_theory -> Nullable<Text>,
        state_management -> Nullable<Text>,
        languages -> Nullable<Text>,
        party_member -> Bool,
        latest_rating -> Nullable<Text>,
        latest_rating_year -> Nullable<Integer>,
        recruited_on -> Nullable<Date>,
        position_appointed_on -> Nullable<Date>,
        has_reward -> Bool,
        has_discipline -> Bool,
        step_since -> Nullable<Date>,
        beyond_frame_percent -> Nullable<Integer>,
        beyond_frame_since -> Nullable<Date>,
        contract_ends_on -> Nullable<Date>,
    }
}

diesel::table! {
    saved_searches (id) {
        id -> Text,
        account_id -> Text,
        name -> Text,
        criteria -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(dossier_facts -> dossiers (dossier_id));
diesel::allow_tables_to_appear_in_same_query!(dossier_facts, dossiers);
diesel::allow_tables_to_appear_in_same_query!(dossier_facts, people);
diesel::allow_tables_to_appear_in_same_query!(dossier_facts, units);
diesel::allow_tables_to_appear_in_same_query!(dossier_facts, dossier_versions);

diesel::table! {
    person_placements (id) {
        id -> Text,
        person_id -> Text,
        unit_id -> Text,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
    }
}

diesel::table! {
    report_jobs (id) {
        id -> Text,
        account_id -> Text,
        kind -> Text,
        unit_id -> Nullable<Text>,
        as_of -> Date,
        status -> Text,
        done -> Integer,
        total -> Integer,
        result -> Nullable<Text>,
        error -> Nullable<Text>,
        created_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        job_id -> Nullable<Text>,
    }
}

diesel::allow_tables_to_appear_in_same_query!(person_placements, people);
diesel::allow_tables_to_appear_in_same_query!(person_placements, dossiers);
diesel::allow_tables_to_appear_in_same_query!(person_placements, dossier_versions);
diesel::allow_tables_to_appear_in_same_query!(person_placements, units);
diesel::allow_tables_to_appear_in_same_query!(person_placements, dossier_facts);
diesel::allow_tables_to_appear_in_same_query!(dossier_versions, people);
diesel::allow_tables_to_appear_in_same_query!(dossier_versions, units);
diesel::allow_tables_to_appear_in_same_query!(dossier_facts, dossier_drafts);

diesel::table! {
    recruitments (id) {
        id -> Text,
        person_id -> Text,
        unit_id -> Text,
        job_position_id -> Nullable<Text>,
        category -> Text,
        basis -> Text,
        decision_number -> Text,
        decision_date -> Date,
        decision_signer -> Text,
        decision_document_id -> Text,
        account_due_on -> Date,
        recruited_by -> Text,
        recruited_at -> Timestamp,
    }
}

diesel::table! {
    person_categories (id) {
        id -> Text,
        person_id -> Text,
        category -> Text,
        contract_type -> Nullable<Text>,
        contract_ends_on -> Nullable<Date>,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
        decision_number -> Nullable<Text>,
        decision_date -> Nullable<Date>,
        decision_signer -> Nullable<Text>,
        decision_document_id -> Nullable<Text>,
        recorded_by -> Nullable<Text>,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    unit_requests (id) {
        id -> Text,
        requested_by -> Text,
        parent_id -> Text,
        code -> Text,
        name -> Text,
        kind -> Text,
        effective_date -> Date,
        reason -> Text,
        decision_number -> Nullable<Text>,
        decision_date -> Nullable<Date>,
        decision_signer -> Nullable<Text>,
        decision_document_id -> Nullable<Text>,
        status -> Text,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        decision_note -> Nullable<Text>,
        created_unit_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(recruitments -> people (person_id));
diesel::allow_tables_to_appear_in_same_query!(recruitments, people);
diesel::allow_tables_to_appear_in_same_query!(recruitments, units);
diesel::allow_tables_to_appear_in_same_query!(recruitments, accounts);
diesel::allow_tables_to_appear_in_same_query!(recruitments, dossiers);
diesel::allow_tables_to_appear_in_same_query!(dossiers, accounts);
diesel::allow_tables_to_appear_in_same_query!(person_categories, people);
diesel::allow_tables_to_appear_in_same_query!(person_categories, units);
diesel::allow_tables_to_appear_in_same_query!(person_categories, person_placements);
diesel::allow_tables_to_appear_in_same_query!(unit_requests, units);

diesel::table! {
    jobs (id) {
        id -> Text,
        kind -> Text,
        payload -> Text,
        state -> Text,
        idempotency_key -> Nullable<Text>,
        attempts -> Integer,
        max_attempts -> Integer,
        run_after -> Timestamp,
        lease_owner -> Nullable<Text>,
        lease_until -> Nullable<Timestamp>,
        cancel_requested -> Bool,
        progress_done -> Integer,
        progress_total -> Integer,
        last_error -> Nullable<Text>,
        result -> Nullable<Text>,
        queued_by_type -> Text,
        queued_by_id -> Nullable<Text>,
        queued_by_name -> Nullable<Text>,
        created_at -> Timestamp,
        started_at -> Nullable<Timestamp>,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    schedule_runs (schedule, occurrence) {
        schedule -> Text,
        occurrence -> Timestamp,
        outcome -> Text,
        job_id -> Nullable<Text>,
        recorded_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(schedule_runs, jobs);
diesel::allow_tables_to_appear_in_same_query!(report_jobs, jobs);

diesel::table! {
    imports (id) {
        id -> Text,
        kind -> Text,
        status -> Text,
        file_name -> Text,
        sha256 -> Text,
        document_id -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        rows_read -> Integer,
        people_new -> Integer,
        people_updated -> Integer,
        people_unchanged -> Integer,
        people_refused -> Integer,
        issues -> Text,
        issue_count -> Integer,
        valid_only -> Bool,
        migrated -> Bool,
        job_id -> Nullable<Text>,
        committed_by -> Nullable<Text>,
        committed_at -> Nullable<Timestamp>,
        finished_at -> Nullable<Timestamp>,
        error -> Nullable<Text>,
    }
}

diesel::table! {
    import_records (import_id, record_key) {
        import_id -> Text,
        record_key -> Text,
        outcome -> Text,
        target_id -> Nullable<Text>,
    }
}

diesel::allow_tables_to_appear_in_same_query!(imports, accounts);
diesel::allow_tables_to_appear_in_same_query!(imports, jobs);
diesel::allow_tables_to_appear_in_same_query!(imports, import_records);

diesel::table! {
    backups (id) {
        id -> Text,
        kind -> Text,
        state -> Text,
        location -> Text,
        file_name -> Text,
        size_bytes -> Nullable<BigInt>,
        sha256 -> Nullable<Text>,
        schema_version -> Text,
        data_key_ids -> Text,
        tables -> Nullable<Integer>,
        rows_total -> Nullable<BigInt>,
        documents -> Nullable<Integer>,
        document_bytes -> Nullable<BigInt>,
        verification -> Nullable<Text>,
        verified_at -> Nullable<Timestamp>,
        error -> Nullable<Text>,
        job_id -> Nullable<Text>,
        made_by_type -> Text,
        made_by_id -> Nullable<Text>,
        made_by_name -> Text,
        started_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        keep_until -> Nullable<Date>,
        deleted_at -> Nullable<Timestamp>,
        deleted_by -> Nullable<Text>,
        delete_reason -> Nullable<Text>,
    }
}

diesel::table! {
    restores (id) {
        id -> Text,
        backup_id -> Text,
        file_name -> Text,
        source_backend -> Text,
        source_schema_version -> Text,
        backup_made_at -> Timestamp,
        rows_total -> BigInt,
        documents -> Integer,
        restored_by -> Text,
        restored_at -> Timestamp,
    }
}

diesel::table! {
    sign_in_throttles (throttle_key) {
        throttle_key -> Text,
        account_id -> Nullable<Text>,
        address -> Text,
        failures -> Integer,
        first_failure_at -> Timestamp,
        last_failure_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
    }
}

diesel::joinable!(sign_in_throttles -> accounts (account_id));
diesel::allow_tables_to_appear_in_same_query!(sign_in_throttles, accounts);
diesel::allow_tables_to_appear_in_same_query!(sign_in_throttles, units);

diesel::table! {
    audit_event_people (person_id, event_id) {
        person_id -> Text,
        event_id -> BigInt,
    }
}

diesel::joinable!(audit_event_people -> audit_events (event_id));
diesel::allow_tables_to_appear_in_same_query!(audit_event_people, audit_events);
diesel::allow_tables_to_appear_in_same_query!(audit_event_people, units);

diesel::table! {
    national_messages (id) {
        id -> Text,
        person_id -> Text,
        dossier_id -> Text,
        sequence -> Integer,
        kind -> Text,
        version_number -> Nullable<Integer>,
        person_status -> Text,
        state -> Text,
        attempts -> Integer,
        packet -> Nullable<Text>,
        packet_sha256 -> Nullable<Text>,
        last_error -> Nullable<Text>,
        last_error_code -> Nullable<Text>,
        national_identifier -> Nullable<Text>,
        national_dossier_code -> Nullable<Text>,
        job_id -> Nullable<Text>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        acknowledged_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    national_log (seq) {
        seq -> BigInt,
        at -> Timestamp,
        message_id -> Nullable<Text>,
        direction -> Text,
        method -> Text,
        path -> Text,
        status -> Nullable<Integer>,
        body -> Text,
        previous_hash -> Text,
        entry_hash -> Text,
    }
}

diesel::joinable!(national_messages -> dossiers (dossier_id));
diesel::joinable!(national_messages -> people (person_id));
diesel::allow_tables_to_appear_in_same_query!(national_messages, dossiers);
diesel::allow_tables_to_appear_in_same_query!(national_messages, people);
diesel::allow_tables_to_appear_in_same_query!(national_messages, units);
diesel::allow_tables_to_appear_in_same_query!(national_messages, jobs);

diesel::table! {
    national_records (id) {
        id -> Text,
        transfer_id -> Text,
        dossier_id -> Nullable<Text>,
        citizen_id_hash -> Text,
        national_identifier -> Text,
        national_dossier_code -> Text,
        province -> Text,
        content -> Text,
        sealed -> Nullable<Text>,
        items -> Text,
        pulled_by -> Text,
        pulled_at -> Timestamp,
    }
}

diesel::table! {
    national_reconciliations (id) {
        id -> Text,
        since -> Date,
        state -> Text,
        job_id -> Nullable<Text>,
        requested_by -> Nullable<Text>,
        started_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        theirs -> Integer,
        ours -> Integer,
        error -> Nullable<Text>,
    }
}

diesel::table! {
    national_differences (id) {
        id -> Text,
        reconciliation_id -> Text,
        kind -> Text,
        dossier_id -> Nullable<Text>,
        national_identifier -> Nullable<Text>,
        ours_sha256 -> Nullable<Text>,
        theirs_sha256 -> Nullable<Text>,
        theirs_updated_at -> Nullable<Timestamp>,
        resolution -> Nullable<Text>,
        resolved_by -> Nullable<Text>,
        resolved_at -> Nullable<Timestamp>,
        message_id -> Nullable<Text>,
    }
}

diesel::joinable!(national_differences -> national_reconciliations (reconciliation_id));
diesel::allow_tables_to_appear_in_same_query!(national_differences, national_reconciliations);
diesel::allow_tables_to_appear_in_same_query!(national_differences, dossiers);
diesel::allow_tables_to_appear_in_same_query!(national_differences, people);

diesel::table! {
    national_corrections (id) {
        id -> Text,
        dossier_id -> Text,
        difference_id -> Nullable<Text>,
        national_identifier -> Text,
        version_number -> Integer,
        content -> Text,
        sealed -> Nullable<Text>,
        items -> Text,
        state -> Text,
        received_by -> Text,
        received_at -> Timestamp,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    national_catalog_updates (id) {
        id -> Text,
        kind -> Text,
        national_name -> Text,
        national_version -> Integer,
        title -> Text,
        source -> Text,
        effective_date -> Nullable<Date>,
        state -> Text,
        entries -> Text,
        changes -> Text,
        only_here -> Text,
        error -> Nullable<Text>,
        job_id -> Nullable<Text>,
        fetched_at -> Timestamp,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        reason -> Nullable<Text>,
        skipped -> Nullable<Text>,
    }
}
