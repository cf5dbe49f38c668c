DROP TABLE import_records;
DROP TABLE imports;
