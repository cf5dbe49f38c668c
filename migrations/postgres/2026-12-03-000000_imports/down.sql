DROP TABLE import_people;
DROP TABLE imports;
