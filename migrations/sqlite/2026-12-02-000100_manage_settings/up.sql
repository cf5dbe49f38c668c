-- Settings (the regulation profile and the working-day calendar) get their own right. An
-- administrator who held every right before keeps being able to change them; a restricted one
-- does not gain it.
UPDATE accounts SET rights = rights || ' manage_settings'
WHERE kind = 'admin'
  AND rights LIKE '%read_dossiers%' AND rights LIKE '%read_sensitive_fields%'
  AND rights LIKE '%create_dossiers%' AND rights LIKE '%update_dossiers%'
  AND rights LIKE '%review_dossiers%' AND rights LIKE '%approve_dossiers%'
  AND rights LIKE '%manage_accounts%' AND rights LIKE '%view_reports%'
  AND rights LIKE '%export_data%' AND rights LIKE '%administer_catalogs%'
  AND rights LIKE '%manage_units%' AND rights LIKE '%manage_positions%'
  AND rights LIKE '%view_audit%' AND rights LIKE '%manage_api_clients%'
  AND rights NOT LIKE '%manage_settings%';
