UPDATE accounts SET rights = TRIM(REPLACE(rights, 'manage_settings', '')) WHERE rights LIKE '%manage_settings%';
