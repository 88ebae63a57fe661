-- Demo établissements of the embedded run (H2 only). Re-applied whenever this file changes.
merge into school (uai, name, city) key (uai) values ('0801234A', 'Collège Jules Verne', 'Amiens');
merge into school (uai, name, city) key (uai) values ('0600045T', 'Lycée Félix Faure', 'Beauvais');
merge into school (uai, name, city) key (uai) values ('0020078K', 'Collège Jean Mermoz', 'Laon');
merge into school (uai, name, city) key (uai) values ('0801999Z', 'Rectorat de l’académie d’Amiens', 'Amiens');
